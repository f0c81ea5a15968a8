package dev.connectadvisor.internal.verify;

import dev.connectadvisor.RuleProblem;
import java.util.List;
import java.util.Map;

/**
 * What {@code verify} found, for people ({@link #lines()}) and for code.
 *
 * @param outcome passed, a check failed, or the rules (or the baseline's) do not compile
 * @param lines the report, one line each, ending with {@code N rules, M scenarios: P passed, F failed}
 * @param compileProblems every compile problem, located; empty when the rules compile
 * @param metadataProblems rules without items, unknown items, rows claimed twice or never
 * @param failedScenarios the ids of the scenario rows that failed
 * @param scenarioProblems problems in the scenario tables themselves
 * @param uncoveredRules rules and table rows that no scenario row fires, with their origin
 * @param exhaustiveFindings gaps, double verdicts, dead rules, missing decisive items (empty
 *     when the analysis found nothing or did not run)
 * @param impact the impact groups against the baseline ({@code "WAIT -> CONNECT"} to the count);
 *     empty without a baseline
 * @param testcases every scenario row, check and mutation, as CI reports show them ({@link JunitXml})
 */
public record VerifyReport(Outcome outcome, List<String> lines, List<RuleProblem> compileProblems,
        List<String> metadataProblems, List<String> failedScenarios, List<String> scenarioProblems,
        List<String> uncoveredRules, List<String> exhaustiveFindings, Map<String, Long> impact,
        List<Testcase> testcases) {

    /** A report without testcases. */
    public VerifyReport(Outcome outcome, List<String> lines, List<RuleProblem> compileProblems,
            List<String> metadataProblems, List<String> failedScenarios, List<String> scenarioProblems,
            List<String> uncoveredRules, List<String> exhaustiveFindings, Map<String, Long> impact) {
        this(outcome, lines, compileProblems, metadataProblems, failedScenarios, scenarioProblems, uncoveredRules,
                exhaustiveFindings, impact, List.of());
    }

    public VerifyReport {
        java.util.Objects.requireNonNull(outcome, "outcome");
        lines = List.copyOf(lines);
        compileProblems = List.copyOf(compileProblems);
        metadataProblems = List.copyOf(metadataProblems);
        failedScenarios = List.copyOf(failedScenarios);
        scenarioProblems = List.copyOf(scenarioProblems);
        uncoveredRules = List.copyOf(uncoveredRules);
        exhaustiveFindings = List.copyOf(exhaustiveFindings);
        impact = Map.copyOf(impact);
        testcases = List.copyOf(testcases);
    }

    /** How a verification ended. */
    public enum Outcome {
        /** Every check passed. */
        PASSED,
        /** A check failed. */
        FAILED,
        /** The rules (or the baseline's) do not compile. */
        RULES_BROKEN
    }

    /** True when every check passed. */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
