package dev.connectadvisor.engine;

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
 * Thread-safe: the KieBase is shared, each evaluation has its own session.
 */
public final class Engine {
    /** More firings than this means rules that re-trigger each other; a normal answer takes about 20. */
    public static final int MAX_FIRINGS = 10_000;

    private final KieBase base;
    private final String version;
    private final List<RuleInfo> rules;

    private Engine(KieBase base, String version) {
        this.base = base;
        this.version = version;
        this.rules = RuleCompiler.describe(base);
    }

    /**
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

    public String version() {
        return version;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    public KieBase kieBase() {
        return base;
    }

    /**
     * Evaluates a situation whose day is resolved ({@code daysUntilInterview} set).
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
        Trace trace = new Trace();
        run(situation, trace, watch);
        return assemble(situation, trace);
    }

    /**
     * Everything one evaluation did, for the rule authors' tools (verification, exhaustive
     * analysis, explanations): the verdict decisions the rules themselves made (none, one or
     * several), the rules that fired, every inserted fact, and the advice or the failure. Unlike
     * {@link #evaluate(Situation)} it never throws for a defect in the rules.
     */
    public Evaluation trace(Situation situation) {
        Trace trace = new Trace();
        try {
            run(situation, trace, null);
        } catch (AdviceException e) {
            return new Evaluation(List.of(), List.of(), List.of(), List.of(), null, e);
        }
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
            return new Evaluation(decisions, deciding, trace.fired, facts, assemble(situation, trace), null);
        } catch (AdviceException e) {
            return new Evaluation(decisions, deciding, trace.fired, facts, null, e);
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

    /** What a {@link TimeLimit} sees of one evaluation running on another thread. */
    static final class Watch {
        private volatile KieSession session;
        private volatile Trace trace;

        /** Asks the session to stop firing; a consequence stuck in Java code runs on regardless. */
        void halt() {
            KieSession running = session;
            if (running != null) {
                try {
                    running.halt();
                } catch (RuntimeException alreadyDisposed) {
                    // the evaluation ended meanwhile: nothing to halt
                }
            }
        }

        /** The rule whose consequence runs (or ran last); null before the first firing. */
        String rule() {
            Trace t = trace;
            return t == null ? null : t.running;
        }
    }

    private void run(Situation situation, Trace trace, Watch watch) {
        KieSession session = base.newKieSession();
        if (watch != null) {
            watch.trace = trace;
            watch.session = session;
        }
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) trace);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) trace);
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
        } finally {
            session.dispose();
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
