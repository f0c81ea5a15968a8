package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Decision;
import dev.connectadvisor.facts.Note;
import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.policy.Held;
import dev.connectadvisor.internal.policy.PolicyModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.conf.KieBaseOption;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A loaded rule base and the one way to evaluate a resolved situation against it.
 * Thread-safe: the KieBase is shared, and each evaluation borrows a session of its own from a
 * small pool (a session is reset, not rebuilt, between evaluations; its trace listener is reused).
 * A session halted by a {@link TimeLimit} is disposed, never reused.
 */
public final class Engine {
    /** More firings than this means rules that re-trigger each other; a normal answer takes about 20. */
    public static final int MAX_FIRINGS = 10_000;

    private final RuleBase rules;
    private final KieBase base;
    private final AdviceAssembler assembler;
    private volatile List<RuleInfo> described;
    private volatile java.util.Map<String, String> rowByRule;
    private final SessionPool sessions;
    private final SessionPool diagnostics;
    private final NoteReader notes;
    /** The rules that may fire; null: every rule (see {@link #without(String)}). */
    private final org.kie.api.runtime.rule.AgendaFilter filter;

    private Engine(RuleBase rules) {
        this(rules, null);
    }

    private Engine(RuleBase rules, org.kie.api.runtime.rule.AgendaFilter filter) {
        this.rules = rules;
        this.filter = filter;
        this.base = rules.rules();
        this.notes = new NoteReader(rules.policy().words());
        this.assembler = new AdviceAssembler(rules.policy(), rules.version(), new DraftWriter(notes));
        this.sessions = new SessionPool(base);
        this.diagnostics = new SessionPool(rules.companion());
        Timeline.mark("engine (note reader, assembler, pools)");
    }

    /**
     * Compiles a folder's rules now (DRL and decision tables), with their companion: for
     * {@code --rules DIR}.
     *
     * @throws dev.connectadvisor.RulesCompilationException if the folder's rules do not compile
     */
    public static Engine compile(RuleFolder folder) {
        return new Engine(RuleCompiler.compile(folder));
    }

    /**
     * As {@link #compile(RuleFolder)}, with KieBase options (internal: the concurrency tests force
     * constraint JIT with {@code ConstraintJittingThresholdOption.get(0)}).
     */
    public static Engine compile(RuleFolder folder, List<? extends KieBaseOption> options) {
        return new Engine(RuleCompiler.compile(folder, options));
    }

    /**
     * The built-in rules, precompiled at build time into the executable model: nothing is parsed
     * or compiled at run time. The version is the hash of the rule sources in the jar, the same
     * as {@code compile(RuleFolder.builtIn())} gives. Falls back to compiling the built-in
     * sources when the classpath has no precompiled model (an IDE run without the Maven build).
     */
    public static Engine builtIn() {
        if (!Precompiled.available()) {
            return compile(RuleFolder.builtIn());
        }
        return new Engine(Precompiled.load());
    }

    public String version() {
        return rules.version();
    }

    /**
     * These rules as if one rule were deleted from its file: it never fires (a rule acts only
     * through its consequence, so that is all a deletion changes). Shares the compiled rule base;
     * for {@code verify --mutations}, which would otherwise compile the rules once per rule.
     */
    public Engine without(String rule) {
        java.util.Objects.requireNonNull(rule, "rule");
        return new Engine(rules, match -> !match.getRule().getName().equals(rule));
    }

    /** Every rule with its metadata, sorted by name; read from the KieBase on first use. */
    public List<RuleInfo> rules() {
        List<RuleInfo> list = described;
        if (list == null) {
            list = RuleCompiler.describe(base);
            described = list;
        }
        return list;
    }

    /** The policy row of the first verdict rule among {@code firedRules} (each rule's {@code row} metadata), or "none". */
    public String decidingRow(List<String> firedRules) {
        java.util.Map<String, String> rows = rowByRule;
        if (rows == null) {
            rows = new java.util.HashMap<>();
            for (RuleInfo rule : rules()) {
                if (rule.row() != null) {
                    rows.put(rule.name(), rule.row());
                }
            }
            rowByRule = rows;
        }
        for (String rule : firedRules) {
            String row = rows.get(rule);
            if (row != null) {
                return row;
            }
        }
        return "none";
    }

    /** What the rules read from a situation's note (null without one): the fact the note checks match. */
    public Note readNote(Situation situation) {
        return situation.note() == null ? null : notes.read(situation.note(), situation.interviewerName());
    }

    /** The verdict table and the texts, as the rules' companion carries them. */
    public PolicyModel policy() {
        return rules.policy();
    }

    /**
     * The verdict table's cells that hold for a situation (without dates), with the parameters
     * the rules use: each row whose every condition cell holds, and each condition cell that
     * does, as Drools evaluates them in the companion rule base.
     */
    public Set<Held> diagnose(Situation dayless, Parameters parameters) {
        SessionPool.Slot slot = diagnostics.take();
        boolean fired = false;
        try {
            KieSession session = slot.session();
            session.insert(dayless);
            if (dayless.note() != null) {
                session.insert(notes.read(dayless.note(), dayless.interviewerName()));
            }
            session.insert(parameters);
            session.fireAllRules(MAX_FIRINGS);
            fired = true;
            Set<Held> held = new HashSet<>();
            for (Trace.Inserted inserted : slot.trace().inserted) {
                if (inserted.fact() instanceof Held cell) {
                    held.add(cell);
                }
            }
            return held;
        } finally {
            diagnostics.give(slot, fired);
        }
    }

    public KieBase kieBase() {
        return base;
    }

    /**
     * Sessions kept for reuse (at most two per core): the KieBase's live sessions are these plus
     * those of evaluations in progress; a failed evaluation's session is disposed.
     */
    public int pooledSessions() {
        return sessions.idle();
    }

    /**
     * Evaluates a situation whose day is resolved ({@code daysUntilInterview} set). The rules see
     * the situation without its dates ({@link #dayless}); {@code actOn} is computed afterwards.
     *
     * @throws AdviceException if the rules give no single verdict, loop, or fail
     */
    public Advice evaluate(Situation situation) {
        return evaluate(situation, null);
    }

    /**
     * As {@link #evaluate(Situation)}, publishing the session and the running rule to {@code
     * watch} (if not null) so that another thread can halt it and name the rule.
     */
    Advice evaluate(Situation situation, Watch watch) {
        Situation dayless = dayless(situation);
        return dated(withSession(dayless, watch, (trace, note) -> assembler.assemble(dayless, trace, note)), situation);
    }

    /**
     * Everything one evaluation did, for the rule authors' tools (verification, exhaustive
     * analysis, explanations): the verdict decisions the rules themselves made (none, one or
     * several), the rules that fired, every inserted fact, and the advice or the failure. Unlike
     * {@link #evaluate(Situation)} it never throws for a defect in the rules. The rules see the
     * situation as {@link #evaluate} shows it to them (without dates).
     */
    public Evaluation trace(Situation situation) {
        return trace(situation, null);
    }

    /**
     * As {@link #trace(Situation)}, the rules seeing {@code readNote} as the note when the
     * situation has no note text (a decision log without personal data keeps what the rules read
     * from the note, not the note itself); null reads the situation's own note.
     */
    public Evaluation trace(Situation situation, Note readNote) {
        Situation dayless = dayless(situation);
        try {
            // the Evaluation holds copies: the trace may be cleared once the session goes back
            return withSession(dayless, readNote, null, (trace, note) -> {
                List<Decision> decisions = new ArrayList<>();
                List<String> deciding = new ArrayList<>();
                List<Object> facts = new ArrayList<>();
                for (Trace.Inserted inserted : trace.inserted) {
                    facts.add(inserted.fact());
                    if (inserted.fact() instanceof Decision decision) {
                        decisions.add(decision);
                        deciding.add(inserted.rule());
                    }
                }
                try {
                    return new Evaluation(decisions, deciding, trace.fired, facts,
                            dated(assembler.assemble(dayless, trace, note), situation), null);
                } catch (AdviceException e) {
                    return new Evaluation(decisions, deciding, trace.fired, facts, null, e);
                }
            });
        } catch (AdviceException e) {
            return new Evaluation(List.of(), List.of(), List.of(), List.of(), null, e);
        }
    }

    /**
     * What {@link #trace(Situation)} saw.
     *
     * @param decisions the Decision facts the rules inserted, in order; exactly one when all is well
     * @param decidingRules the rules that inserted them, in the same order
     * @param firedRules every rule that fired, in firing order
     * @param inserted every fact a rule inserted, in order
     * @param advice the advice, or null when the rules failed
     * @param failure why the rules gave no advice, or null
     */
    public record Evaluation(List<Decision> decisions, List<String> decidingRules, List<String> firedRules,
            List<Object> inserted, Advice advice, AdviceException failure) {
        public Evaluation {
            decisions = List.copyOf(decisions);
            decidingRules = List.copyOf(decidingRules);
            firedRules = List.copyOf(firedRules);
            inserted = List.copyOf(inserted);
        }

        /** The first inserted fact of a type, if any (e.g. the rules' {@code Parameters}). */
        public <T> java.util.Optional<T> first(Class<T> type) {
            return inserted.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }

    /**
     * What a {@link TimeLimit} sees of one evaluation running on another thread. Open while the
     * evaluation holds its pooled session: once closed, halting is a no-op, so a session back in
     * the pool is never halted from outside.
     */
    static final class Watch {
        private KieSession session;
        private Trace trace;
        private boolean closed;
        private boolean halted;
        private String lastRule;

        synchronized void open(SessionPool.Slot slot) {
            session = slot.session();
            trace = slot.trace();
        }

        /** Ends the watch; true when the session was not halted (and so can be reused). */
        synchronized boolean close() {
            lastRule = trace == null ? null : trace.running;
            closed = true;
            session = null;
            trace = null;
            return !halted;
        }

        /** Asks the session to stop firing; a consequence stuck in Java code runs on regardless. */
        synchronized void halt() {
            if (closed || session == null) {
                return;
            }
            halted = true;
            try {
                session.halt();
            } catch (RuntimeException alreadyDisposed) {
                // nothing to halt
            }
        }

        /** The rule whose consequence runs (or ran last); null before the first firing. */
        synchronized String rule() {
            return closed ? lastRule : trace == null ? null : trace.running;
        }
    }

    /**
     * The advice for a situation already stripped of its dates: a pure function of the situation
     * and the rules, which is what makes advice cacheable.
     */
    public Advice evaluateDayless(Situation dayless) {
        return withSession(dayless, null, (trace, note) -> assembler.assemble(dayless, trace, note));
    }

    /**
     * Fires the rules on a pooled session and reads its trace; the session goes back to the pool
     * if it fired to the end and no time limit halted it, else it is disposed.
     */
    private <T> T withSession(Situation dayless, Watch watch, java.util.function.BiFunction<Trace, Note, T> read) {
        return withSession(dayless, null, watch, read);
    }

    private <T> T withSession(Situation dayless, Note given, Watch watch, java.util.function.BiFunction<Trace, Note, T> read) {
        Note note = dayless.note() == null ? given : notes.read(dayless.note(), dayless.interviewerName());
        SessionPool.Slot slot = sessions.take();
        Timeline.mark("a session");
        if (watch != null) {
            watch.open(slot);
        }
        boolean fired = false;
        try {
            fire(slot, dayless, note);
            fired = true;
            Timeline.mark("the rules fired");
            T answer = read.apply(slot.trace(), note);
            Timeline.mark("the advice assembled");
            return answer;
        } finally {
            boolean notHalted = watch == null || watch.close();
            sessions.give(slot, fired && notHalted);
        }
    }

    /**
     * A resolved situation as the rules see it: the day count only, without {@code interviewDate}
     * and {@code today}. Returns the situation itself when it has no dates.
     */
    public static Situation dayless(Situation resolved) {
        if (resolved.interviewDate() == null && resolved.today() == null) {
            return resolved;
        }
        if (resolved.daysUntilInterview() == null) {
            throw new IllegalArgumentException("resolve the situation first: " + resolved);
        }
        return resolved.toBuilder().interviewDate(null).today(null).build();
    }

    /** The advice for the dayless form of {@code resolved}, with {@code actOn} as {@code resolved}'s dates give it. */
    public static Advice dated(Advice advice, Situation resolved) {
        if (resolved.today() == null || advice.actInDays() == null) {
            return advice;
        }
        return new Advice(advice.verdict(), advice.actInDays(), resolved.today().plusDays(advice.actInDays()),
                advice.phase(), advice.summary(), advice.reasons(), advice.steps(), advice.benefits(), advice.risks(),
                advice.alternatives(), advice.noteFindings(), advice.draftNote(), advice.firedRules(), advice.rulesVersion());
    }

    private void fire(SessionPool.Slot slot, Situation situation, Note note) {
        KieSession session = slot.session();
        Trace trace = slot.trace();
        try {
            session.insert(situation);
            if (note != null) {
                session.insert(note);
            }
            int fired = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new AdviceException(AdviceException.Kind.TOO_MANY_FIRINGS, lastOf(trace.fired),
                        "the rules fired " + fired + " times without settling; last rule: " + lastOf(trace.fired), null);
            }
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AdviceException(AdviceException.Kind.RULE_FAILED, rule,
                    "rule \"" + rule + "\" failed: " + cause, cause);
        }
    }

    private static String lastOf(List<String> fired) {
        return fired.isEmpty() ? null : fired.get(fired.size() - 1);
    }
}
