package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.scenario.ScenarioProblem;
import dev.connectadvisor.internal.scenario.ScenarioResult;
import dev.connectadvisor.internal.scenario.ScenarioRun;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule authors' check of a rules folder, before anything ships: it compiles the rules, checks
 * their metadata, runs every scenario table, reports rule coverage, and on request walks the
 * whole input space ({@code exhaustive}) and compares with a baseline folder (impact).
 *
 * <pre>{@code
 * VerifyReport report = Verifier.verify(RuleFolder.read(Path.of("rules")), Verifier.Options.DEFAULT);
 * report.lines().forEach(System.out::println);
 * report.outcome();   // PASSED, FAILED or RULES_BROKEN
 * }</pre>
 */
public final class Verifier {
    /** The bound on one scenario row. */
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param exhaustive also walk the whole input space
     * @param baseline also compare with these rules (the impact report), or null
     * @param walkLimit how long the walk may take before it is reported as stuck (a consequence in a
     *     Java loop cannot be stopped, but it cannot hang {@code verify} either)
     */
    public record Options(boolean exhaustive, RuleFolder baseline, Duration walkLimit,
            List<dev.connectadvisor.internal.situation.Field> walk, boolean mutations, Set<String> scenarios) {
        /** Far above the seconds the walk takes, even from a cold JVM on a busy machine. */
        public static final Duration DEFAULT_WALK_LIMIT = Duration.ofMinutes(5);
        public static final Options DEFAULT = new Options(false, null);

        /**
         * @param mutations also take out each rule and table row in turn ({@link Mutations})
         * @param scenarios run only the scenario rows of these ids; empty: every row
         */
        public Options {
            scenarios = Set.copyOf(scenarios);
        }

        public Options(boolean exhaustive, RuleFolder baseline, Duration walkLimit,
                List<dev.connectadvisor.internal.situation.Field> walk) {
            this(exhaustive, baseline, walkLimit, walk, false, Set.of());
        }

        public Options(boolean exhaustive, RuleFolder baseline) {
            this(exhaustive, baseline, DEFAULT_WALK_LIMIT);
        }

        public Options(boolean exhaustive, RuleFolder baseline, Duration walkLimit) {
            this(exhaustive, baseline, walkLimit, dev.connectadvisor.internal.situation.SituationFields.ALL);
        }

        /** These options, walking the values these fields declare (tests walk a smaller space). */
        public Options walking(List<dev.connectadvisor.internal.situation.Field> fields) {
            return new Options(exhaustive, baseline, walkLimit, fields, mutations, scenarios);
        }

        /** These options, with mutation coverage on or off. */
        public Options withMutations(boolean on) {
            return new Options(exhaustive, baseline, walkLimit, walk, on, scenarios);
        }

        /** These options, running only the scenario rows of these ids (all of them when empty). */
        public Options onlyScenarios(java.util.Collection<String> ids) {
            return new Options(exhaustive, baseline, walkLimit, walk, mutations, Set.copyOf(ids));
        }
    }

    private Verifier() {
    }

    /** Verifies a rules folder; never throws for a problem in the rules or the scenario tables. */
    public static VerifyReport verify(RuleFolder folder, Options options) {
        Engine engine;
        long start = System.nanoTime();
        try {
            engine = Engine.compile(RuleSafety.requireSafe(folder));
        } catch (RulesCompilationException e) {
            List<String> lines = new ArrayList<>();
            e.problems().forEach(p -> lines.add(p.toString()));
            lines.add("the rules do not compile: " + e.problems().size() + " problem(s)");
            Testcase compile = Testcase.check(COMPILE, seconds(start), e.problems().stream().map(Object::toString).toList(),
                    "compile problem", "compile problems");
            return new VerifyReport(VerifyReport.Outcome.RULES_BROKEN, lines, e.problems(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), Map.of(), List.of(compile));
        }
        double compiled = seconds(start);
        VerifyReport report = verify(folder, engine, options);
        List<Testcase> testcases = new ArrayList<>();
        testcases.add(Testcase.passed(Testcase.CHECKS, Testcase.CHECK_CLASS, COMPILE, compiled));
        testcases.addAll(report.testcases());
        return new VerifyReport(report.outcome(), report.lines(), report.compileProblems(), report.metadataProblems(),
                report.failedScenarios(), report.scenarioProblems(), report.uncoveredRules(), report.exhaustiveFindings(),
                report.impact(), testcases);
    }

    /** The name of the compile check's testcase. */
    static final String COMPILE = "compile";

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Verifies rules already compiled from {@code folder} (as a reload does before it swaps them
     * in, so that what is checked is exactly what will serve).
     */
    public static VerifyReport verify(RuleFolder folder, Engine engine, Options options) {
        List<String> lines = new ArrayList<>();
        Engine baseline = null;
        if (options.baseline() != null) {
            try {
                baseline = Engine.compile(options.baseline());
            } catch (RulesCompilationException e) {
                e.problems().forEach(p -> lines.add("baseline " + options.baseline().origin() + ": " + p));
                lines.add("the baseline rules do not compile: " + e.problems().size() + " problem(s)");
                return new VerifyReport(VerifyReport.Outcome.RULES_BROKEN, lines, e.problems(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), Map.of());
            }
        }
        RuleOrigins origins = new RuleOrigins(folder);
        List<RuleInfo> rules = engine.rules();

        List<Testcase> testcases = new ArrayList<>();
        long checkStart = System.nanoTime();
        List<String> metadata = MetadataCheck.problems(engine, origins);
        metadata.forEach(m -> lines.add("metadata: " + m));
        testcases.add(Testcase.check("metadata", seconds(checkStart), metadata, "metadata problem", "metadata problems"));

        // A rules folder being edited may hang in a consequence: no scenario row waits forever.
        ScenarioSuite suite = ScenarioSuite.read(folder);
        boolean chosen = !options.scenarios().isEmpty();
        ScenarioRun run = ScenarioCases.run(chosen ? suite.only(options.scenarios()) : suite,
                Advisor.of(engine).withTimeout(SCENARIO_TIMEOUT)::advise, testcases);
        List<String> tableProblems = run.problems().stream().map(ScenarioProblem::toString).toList();
        tableProblems.forEach(p -> lines.add("scenario table: " + p));
        testcases.add(Testcase.check("scenario tables", 0, tableProblems, "scenario table problem", "scenario table problems"));
        List<String> failed = new ArrayList<>();
        for (ScenarioResult result : run.failures()) {
            failed.add(result.row().id());
            lines.add("FAIL " + result.report());
            lines.add("     got: " + outcome(result));
        }

        // Coverage is a property of every row together: with chosen rows only, it is not checked.
        List<String> uncovered = chosen ? List.of() : rules.stream().map(RuleInfo::name)
                .filter(name -> !run.firedRules().contains(name)).map(origins::describe).toList();
        uncovered.forEach(u -> lines.add("coverage: no scenario row fires " + u));
        testcases.add(chosen ? Testcase.skipped(Testcase.CHECKS, Testcase.CHECK_CLASS, "coverage",
                "only the rows chosen with --scenario ran")
                : Testcase.check("coverage", 0, uncovered.stream().map(u -> "no scenario row fires " + u).toList(),
                        "rule that no scenario fires", "rules that no scenario fires"));

        List<String> exhaustiveFindings = new ArrayList<>();
        Map<String, Long> impactGroups = new LinkedHashMap<>();
        checkStart = System.nanoTime();
        if (options.exhaustive() || baseline != null) {
            Exhaustive exhaustive = options.exhaustive() ? new Exhaustive(engine) : null;
            Impact impact = baseline == null ? null : new Impact(baseline);
            long start = System.nanoTime();
            SituationSpace.Counts counts = Walk.run(engine, exhaustive, impact, options.walk(), options.walkLimit());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (counts == null) {
                String stuck = "the walk over every situation did not finish within " + options.walkLimit().toSeconds()
                        + " s: a rule's consequence may be stuck in a loop";
                lines.add("exhaustive: " + stuck);
                exhaustiveFindings.add("STUCK: " + stuck);
            } else if (exhaustive != null) {
                Exhaustive.Report report = exhaustive.report(counts, millis, origins);
                lines.addAll(report.lines());
                report.findings().forEach(f -> exhaustiveFindings.add(f.line()));
                report.deadRules().forEach(d -> exhaustiveFindings.add("DEAD: " + d));
            }
            if (counts != null && impact != null) {
                Impact.Report report = impact.report(options.baseline().origin());
                lines.addAll(report.lines());
                report.groups().forEach(g -> impactGroups.put(g.change(), g.count()));
            }
        }
        if (options.exhaustive()) {
            testcases.add(Testcase.check("exhaustive", seconds(checkStart), exhaustiveFindings, "exhaustive finding",
                    "exhaustive findings"));
        }

        List<String> survivors = new ArrayList<>();
        if (options.mutations()) {
            Mutations.Report report = Mutations.run(engine, origins, run);
            report.survivors().forEach(m -> survivors.add(m.describe()));
            survivors.forEach(m -> lines.add("mutation: no scenario row notices when " + m + " is removed"));
            String summary = report.mutations().size() + " rules and table rows removed in turn over "
                    + run.results().size() + " scenario rows: " + (report.mutations().size() - survivors.size())
                    + " noticed, " + survivors.size() + " survived (" + report.millis() + " ms)";
            lines.add("mutations: " + summary);
            testcases.add(survivors.isEmpty() ? Testcase.passed(Testcase.CHECKS, Testcase.CHECK_CLASS, "mutations",
                    report.millis() / 1e3) : Testcase.failed(Testcase.CHECKS, Testcase.CHECK_CLASS, "mutations",
                    report.millis() / 1e3, summary, String.join("\n", survivors)));
            report.mutations().forEach(m -> testcases.add(m.testcase()));
        }

        List<String> failures = new ArrayList<>();
        count(failures, metadata.size(), "metadata problem", "metadata problems");
        count(failures, tableProblems.size(), "scenario table problem", "scenario table problems");
        count(failures, failed.size(), "failing scenario row", "failing scenario rows");
        count(failures, uncovered.size(), "rule that no scenario fires", "rules that no scenario fires");
        count(failures, exhaustiveFindings.size(), "exhaustive finding", "exhaustive findings");
        count(failures, survivors.size(), "surviving mutation", "surviving mutations");
        if (!failures.isEmpty()) {
            lines.add("FAILED: " + String.join(", ", failures));
        }
        int total = run.results().size();
        lines.add(rules.size() + " rules, " + total + " scenarios: " + (total - failed.size()) + " passed, "
                + failed.size() + " failed");
        return new VerifyReport(failures.isEmpty() ? VerifyReport.Outcome.PASSED : VerifyReport.Outcome.FAILED, lines, List.of(), metadata, failed, tableProblems,
                uncovered, exhaustiveFindings, impactGroups, testcases);
    }

    private static void count(List<String> failures, int n, String one, String many) {
        if (n > 0) {
            failures.add(n + " " + (n == 1 ? one : many));
        }
    }

    /** The advice a failing row got, in the terms of a scenario table. */
    static String outcome(ScenarioResult result) {
        if (result.error() != null) {
            return "error " + result.error().code() + " " + result.error().field();
        }
        Advice a = result.advice();
        if (a == null) {
            return "no advice";
        }
        StringBuilder b = new StringBuilder("verdict ").append(a.verdict()).append(", actInDays ").append(a.actInDays());
        list(b, "reasons", a.reasons());
        list(b, "steps", a.steps());
        list(b, "benefits", a.benefits());
        list(b, "risks", a.risks());
        list(b, "alternatives", a.alternatives());
        if (!a.noteFindings().isEmpty()) {
            b.append(", noteFindings ").append(a.noteFindings().stream().map(NoteFinding::code).map(Enum::name)
                    .collect(Collectors.joining(" ")));
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String name, List<Entry> entries) {
        if (!entries.isEmpty()) {
            b.append(", ").append(name).append(' ')
                    .append(entries.stream().map(Entry::item).collect(Collectors.joining(" ")));
        }
    }
}
