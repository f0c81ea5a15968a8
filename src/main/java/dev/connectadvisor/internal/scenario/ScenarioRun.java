package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every scenario row of a rules folder, run against an advisor: the table problems, one
 * result per row, and which rules fired (for rule coverage).
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRun.of(RuleFolder.read(Path.of("rules")), advisor::advise);
 * if (!run.passed()) run.report().forEach(System.err::println);
 * }</pre>
 *
 * @param problems the table problems; rows with a problem did not run
 * @param results one result per row that ran, in table order
 * @param firedRules the names of every rule that fired in any row, sorted
 */
public record ScenarioRun(List<ScenarioProblem> problems, List<ScenarioResult> results, Set<String> firedRules) {

    public ScenarioRun {
        problems = List.copyOf(problems);
        results = List.copyOf(results);
        firedRules = Collections.unmodifiableSet(new TreeSet<>(firedRules));
    }

    /** Reads the folder's scenario tables and runs them; {@code advisor} gives the advice for a situation (it may reject it). */
    public static ScenarioRun of(RuleFolder folder, Function<Situation, Advice> advisor) {
        return of(ScenarioSuite.read(folder), advisor);
    }

    /** Runs every row of a suite read before. */
    public static ScenarioRun of(ScenarioSuite suite, Function<Situation, Advice> advisor) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (ScenarioRow row : suite.rows()) {
            ScenarioResult result = row.run(advisor);
            results.add(result);
            fired.addAll(result.firedRules());
        }
        return new ScenarioRun(suite.problems(), results, fired);
    }

    /** The rows that failed. */
    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** True when no table has a problem and every row passed. */
    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }

    /** {@code 62 rows: 60 passed, 2 failed; 1 table problem}. */
    public String summary() {
        int failed = failures().size();
        return results.size() + " rows: " + (results.size() - failed) + " passed, " + failed + " failed; "
                + problems.size() + (problems.size() == 1 ? " table problem" : " table problems");
    }

    /** For people: each table problem, then each failing row's report, then the summary. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.toString()));
        failures().forEach(r -> lines.add(r.report()));
        lines.add(summary());
        return List.copyOf(lines);
    }
}
