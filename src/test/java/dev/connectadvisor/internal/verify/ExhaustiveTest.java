package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.engine.RuleFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --exhaustive}: the whole input space, walked. */
class ExhaustiveTest {
    private static final Verifier.Options EXHAUSTIVE = new Verifier.Options(true, null);

    @Test
    void builtInRules_haveNoGap_noDoubleVerdict_noDeadRule_andTheDecisiveItemAlways() {
        VerifyReport report = Verifier.verify(RuleFolder.read(RulesCopy.RULES), EXHAUSTIVE);

        assertThat(report.exhaustiveFindings()).isEmpty();
        assertThat(report.outcome()).as(String.join("\n", report.lines())).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.lines())
                .contains("  exactly one verdict in every valid situation: no gap, no double verdict",
                        "  the decisive item of the matching policy row is always in the reasons")
                .anyMatch(line -> line.startsWith("exhaustive: 281088 situations checked: 162048 valid, 119040 skipped"))
                .anyMatch(line -> line.matches("  every rule and table row is reachable: (\\d+) of \\1 fire"));
    }

    @Test
    void gapsDoubleVerdictsAndDeadRules_areListedWithACounterexample(@TempDir Path tmp) {
        RulesCopy copy = RulesCopy.of(tmp)
                .deleteLine("verdict-policy.drl.csv", "A9 After the interview: connect")
                // B1 leaves the activation group: it no longer cancels the row below that also matches
                .replace("verdict-policy.drl.csv", ",B1,TIP-7,verdict", ",B1,TIP-7,")
                .replace("tips.drl", "rule \"Outdated profile: update it first\"", """
                        rule "Never: a year ahead"
                            @item("TIP-1")
                        when
                            dev.connectadvisor.Situation(daysUntilInterview > 400)
                        then
                        end

                        rule "Outdated profile: update it first\"""");

        // the walk without notes: the note has no part in gaps and double verdicts
        VerifyReport report = Verifier.verify(RuleFolder.read(copy.dir()), EXHAUSTIVE.walking(
                dev.connectadvisor.internal.situation.SituationFields.ALL.stream().map(f -> f.walkGroup().equals("note")
                        ? f.walking(java.util.Collections.singletonList(null)) : f).toList()));

        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.FAILED);
        assertThat(report.exhaustiveFindings())
                .anyMatch(f -> f.matches("GAP: no verdict: \\d+ situations, e.g. \\{daysUntilInterview: -30}"))
                .anyMatch(f -> f.matches("DOUBLE VERDICT: 2 verdicts from \\[B1 Not your interviewer: do not connect,"
                        + " B8 Interview today: too late to connect first]: \\d+ situations,"
                        + " e.g. \\{daysUntilInterview: 0, directInterviewer: false}"))
                .contains("DEAD: \"Never: a year ahead\" (tips.drl)");
    }
}
