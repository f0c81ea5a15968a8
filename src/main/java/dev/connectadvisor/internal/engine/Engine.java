package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Entry;
import dev.connectadvisor.GuideItem;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Phase;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Decision;
import dev.connectadvisor.facts.Finding;
import dev.connectadvisor.facts.NoteIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.conf.KieBaseOption;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A compiled rule base and the one way to evaluate a resolved situation against it.
 * Thread-safe: the KieBase is shared, and each evaluation borrows a session of its own from a
 * small pool (a session is reset, not rebuilt, between evaluations; its trace listener is reused).
 * A session halted by a {@link TimeLimit} is disposed, never reused.
 */
public final class Engine {
    /** More firings than this means rules that re-trigger each other; a normal answer takes about 20. */
    public static final int MAX_FIRINGS = 10_000;

    private final KieBase base;
    private final String version;
    private volatile List<RuleInfo> rules;
    private final SessionPool sessions;

    private Engine(KieBase base, String version) {
        this.base = base;
        this.version = version;
        this.sessions = new SessionPool(base);
    }

    /**
     * Compiles a folder's rules now (DRL and decision tables): for {@code --rules DIR}.
     *
     * @throws dev.connectadvisor.RulesCompilationException if the folder's rules do not compile
     */
    public static Engine compile(RuleFolder folder) {
        return new Engine(RuleCompiler.compile(folder), folder.version());
    }

    /**
     * As {@link #compile(RuleFolder)}, with KieBase options (internal: the concurrency tests force
     * constraint JIT with {@code ConstraintJittingThresholdOption.get(0)}).
     */
    public static Engine compile(RuleFolder folder, List<? extends KieBaseOption> options) {
        return new Engine(RuleCompiler.compile(folder, options), folder.version());
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
        return new Engine(Precompiled.load(), RuleFolder.builtInVersion());
    }

    public String version() {
        return version;
    }

    /** Every rule with its metadata, sorted by name; read from the KieBase on first use. */
    public List<RuleInfo> rules() {
        List<RuleInfo> described = rules;
        if (described == null) {
            described = RuleCompiler.describe(base);
            rules = described;
        }
        return described;
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
        return dated(evaluateDayless(dayless(situation)), situation);
    }

    /**
     * As {@link #evaluate(Situation)}, publishing the session and the running rule to {@code
     * watch} (if not null) so that another thread can halt it and name the rule.
     */
    Advice evaluate(Situation situation, Watch watch) {
        if (watch == null) {
            return evaluate(situation);
        }
        Situation dayless = dayless(situation);
        SessionPool.Slot slot = sessions.take();
        watch.open(slot);
        boolean fired = false;
        try {
            fire(slot, dayless);
            fired = true;
            return dated(assemble(dayless, slot.trace()), situation);
        } finally {
            // a session that another thread halted is disposed, never reused
            boolean notHalted = watch.close();
            sessions.give(slot, fired && notHalted);
        }
    }

    /**
     * Everything one evaluation did, for the rule authors' tools (verification, exhaustive
     * analysis, explanations): the verdict decisions the rules themselves made (none, one or
     * several), the rules that fired, every inserted fact, and the advice or the failure. Unlike
     * {@link #evaluate(Situation)} it never throws for a defect in the rules. The rules see the
     * situation as {@link #evaluate} shows it to them (without dates).
     */
    public Evaluation trace(Situation situation) {
        Situation dayless = dayless(situation);
        SessionPool.Slot slot = sessions.take();
        boolean reusable = false;
        try {
            try {
                fire(slot, dayless);
            } catch (AdviceException e) {
                return new Evaluation(List.of(), List.of(), List.of(), List.of(), null, e);
            }
            reusable = true;
            Trace trace = slot.trace();
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
                        dated(assemble(dayless, trace), situation), null);
            } catch (AdviceException e) {
                return new Evaluation(decisions, deciding, trace.fired, facts, null, e);
            }
        } finally {
            sessions.give(slot, reusable); // the Evaluation holds copies: the trace may be cleared now
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
        SessionPool.Slot slot = sessions.take();
        boolean reusable = false;
        try {
            fire(slot, dayless);
            reusable = true;
            return assemble(dayless, slot.trace());
        } finally {
            sessions.give(slot, reusable);
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
                advice.alternatives(), advice.noteFindings(), advice.firedRules(), advice.rulesVersion());
    }

    private static void fire(SessionPool.Slot slot, Situation situation) {
        KieSession session = slot.session();
        Trace trace = slot.trace();
        try {
            session.insert(situation);
            if (situation.note() != null) {
                session.insert(NoteReader.read(situation.note(), situation.interviewerName()));
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
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

    private Advice assemble(Situation situation, Trace trace) {
        List<Trace.Inserted> decisions = trace.inserted.stream().filter(i -> i.fact() instanceof Decision).toList();
        if (decisions.isEmpty()) {
            throw new AdviceException(AdviceException.Kind.NO_VERDICT, null,
                    "no verdict rule matched the situation " + situation, null);
        }
        if (decisions.size() > 1) {
            throw new AdviceException(AdviceException.Kind.SEVERAL_VERDICTS, decisions.get(1).rule(),
                    "several verdict rules fired: " + decisions.stream().map(Trace.Inserted::rule).toList(), null);
        }
        Decision decision = (Decision) decisions.get(0).fact();

        Map<Finding.Kind, Map<String, Ranked>> lists = new EnumMap<>(Finding.Kind.class);
        Map<dev.connectadvisor.NoteCode, NoteFinding> notes = new EnumMap<>(dev.connectadvisor.NoteCode.class);
        int order = 0;
        for (Trace.Inserted inserted : trace.inserted) {
            if (inserted.fact() instanceof Finding finding) {
                Entry entry = new Entry(finding.item(), inserted.rule(), textOf(finding.item(), inserted.rule()));
                lists.computeIfAbsent(finding.kind(), k -> new LinkedHashMap<>())
                        .putIfAbsent(finding.item(), new Ranked(entry, finding.rank(), order++));
            } else if (inserted.fact() instanceof NoteIssue issue) {
                textOf(issue.item(), inserted.rule());
                notes.putIfAbsent(issue.code(),
                        new NoteFinding(issue.code(), issue.item(), inserted.rule(), issue.code().text()));
            }
        }
        int days = situation.daysUntilInterview();
        Integer actInDays = decision.actInDays();
        return new Advice(decision.verdict(), actInDays,
                actInDays == null || situation.today() == null ? null : situation.today().plusDays(actInDays),
                Phase.of(days), decision.summary(),
                byRank(lists.get(Finding.Kind.REASON)), byRank(lists.get(Finding.Kind.STEP)),
                byItem(lists.get(Finding.Kind.BENEFIT)), byItem(lists.get(Finding.Kind.RISK)),
                byItem(lists.get(Finding.Kind.ALTERNATIVE)), new ArrayList<>(notes.values()), trace.fired, version);
    }

    private record Ranked(Entry entry, int rank, int order) {
    }

    private static List<Entry> byRank(Map<String, Ranked> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.values().stream()
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::order))
                .map(Ranked::entry).toList();
    }

    private static List<Entry> byItem(Map<String, Ranked> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.values().stream()
                .map(Ranked::entry)
                .sorted(Comparator.comparing(e -> GuideItem.byId(e.item()).orElseThrow()))
                .toList();
    }

    private static String textOf(String item, String rule) {
        return GuideItem.byId(item).map(GuideItem::text).orElseThrow(() -> new AdviceException(
                AdviceException.Kind.UNKNOWN_ITEM, rule, "rule \"" + rule + "\" cites unknown guide item " + item, null));
    }

    private static String lastOf(List<String> fired) {
        return fired.isEmpty() ? null : fired.get(fired.size() - 1);
    }
}
