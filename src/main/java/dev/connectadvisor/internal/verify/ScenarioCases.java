package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.scenario.ScenarioResult;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioRun;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The scenario rows run one by one, each timed and added as a testcase (its table's file as the classname). */
final class ScenarioCases {
    private ScenarioCases() {
    }

    /** Runs every row of {@code suite}, adding one testcase per row to {@code testcases}. */
    static ScenarioRun run(ScenarioSuite suite, Function<Situation, Advice> advisor, List<Testcase> testcases) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (ScenarioRow row : suite.rows()) {
            long start = System.nanoTime();
            ScenarioResult result = row.run(advisor);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(result);
            fired.addAll(result.firedRules());
            testcases.add(testcase(result, seconds));
        }
        return new ScenarioRun(suite.problems(), results, fired);
    }

    private static Testcase testcase(ScenarioResult result, double seconds) {
        ScenarioRow row = result.row();
        if (result.passed()) {
            return Testcase.passed(row.file(), row.file(), row.id(), seconds);
        }
        String message = String.join("; ", result.mismatches()) + "; fired: " + result.firedRules();
        String detail = row.where() + " " + row.id() + (row.description() == null ? "" : " (" + row.description() + ")")
                + "\n" + String.join("\n", result.mismatches())
                + "\ngot: " + Verifier.outcome(result)
                + "\nfired: " + String.join(", ", result.firedRules());
        return Testcase.failed(row.file(), row.file(), row.id(), seconds, message, detail);
    }
}
