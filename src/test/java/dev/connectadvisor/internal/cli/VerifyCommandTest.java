package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Done when": rules/ copied to a temporary folder and broken in each way gives the
 * stated result from {@code verify --rules COPY}.
 */
class VerifyCommandTest {
    private static final String PARAMETERS = "parameters.drl.csv";
    private static final String VERDICTS = "verdict-policy.drl.csv";

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run verify(Path rules, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[3 + more.length];
        args[0] = "verify";
        args[1] = "--rules";
        args[2] = rules.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void untouchedCopy_exits0_withTheSummaryLine() {
        RulesCopy copy = RulesCopy.of(tmp);

        Run run = verify(copy.dir());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .matches("\\d+ rules, \\d+ scenarios: (\\d+) passed, 0 failed");
        assertThat(run.out()).doesNotContain("FAIL", "coverage:", "metadata:");
    }

    @Test
    void drlSyntaxError_exits3_withTheFileAndLine() {
        RulesCopy copy = RulesCopy.of(tmp).replace("risks.drl",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED)",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("risks.drl:16").contains("the rules do not compile: 1 problem(s)");
    }

    @Test
    void unknownFactField_exits3_withTheFile() {
        RulesCopy copy = RulesCopy.of(tmp).replace("tips.drl", "Situation(!profileUpToDate)", "Situation(!profileIsCurrent)");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("tips.drl:").contains("profileIsCurrent");
    }

    @Test
    void brokenTableCell_exits3_withTheFileRowAndColumn() {
        RulesCopy copy = RulesCopy.of(tmp).replace(VERDICTS,
                "B6 You have a referral: do not go over their head,$d >= 0,,,,,,true,",
                "B6 You have a referral: do not go over their head,$d >= 0,,,,,,treu,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("verdict-policy.drl.csv: row 18, column H: ").contains("treu");
    }

    @Test
    void brokenFormulaCell_exits3_withTheFileRowAndColumn() {
        RulesCopy copy = RulesCopy.of(tmp).replace(VERDICTS, ",WAIT,$d - $window,", ",WAIT,$d - $windwo,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("verdict-policy.drl.csv: row 21, column L: ").contains("$windwo");
    }

    @Test
    void everyCompileProblem_isReportedAtOnce() {
        RulesCopy copy = RulesCopy.of(tmp)
                .replace("tips.drl", "Situation(!profileUpToDate)", "Situation(!profileIsCurrent)")
                .replace(PARAMETERS, "values,3,7,3,300", "values,3,x7,3,300")
                .replace(VERDICTS, ",WAIT,$d - $window,", ",WAIT,$d - $windwo,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("tips.drl:", "parameters.drl.csv: row 10, column C: ",
                "verdict-policy.drl.csv: row 21, column L: ", "the rules do not compile: 3 problem(s)");
    }

    @Test
    void changedThreshold_exits1_namingTheFailingRows() {
        RulesCopy copy = RulesCopy.of(tmp).replace(PARAMETERS, "values,3,7,3,300", "values,2,7,3,300");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL scenarios/edge-days.csv:6 EDGE-d3-window-edge: expected verdict CONNECT, got WAIT")
                .contains("FAIL scenarios/verdict-before.csv:46 B9-too-early-10d: expected actInDays 7, got 8")
                .contains("got: verdict WAIT, actInDays 1, reasons TIP-1")
                .contains("fired: [")
                .containsPattern("\\d+ rules, \\d+ scenarios: \\d+ passed, [1-9]\\d* failed");
    }

    @Test
    void deletedTableRow_exits1_scenariosAndCoverageFail() {
        RulesCopy copy = RulesCopy.of(tmp).deleteLine(VERDICTS, "B6 You have a referral");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        // the table is the policy: without its row, B6 is no longer a verdict, and the rules that
        // add to a B6 verdict can no longer fire
        assertThat(run.out()).contains("FAIL scenarios/verdict-before.csv").contains("B6-referral")
                .contains("coverage: no scenario row fires \"Referral: connecting after the interview is fine\" (follow-up.drl)");
    }

    @Test
    void deletedDrlRule_exits1_scenariosFail() {
        RulesCopy copy = RulesCopy.of(tmp).replace("follow-up.drl", """
                rule "Referral: connecting after the interview is fine"
                    @item("AFTER-0")
                when
                    Decision(row == "B6")
                then
                    insert(Finding.step(1, "AFTER-0"));
                end
                """, "");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL scenarios/advice-lists.csv:20 L-B6-referral-steps: expected steps to contain AFTER-0");
    }

    @Test
    void ruleThatNoScenarioFires_isReportedAsCoverage_andExits1() {
        RulesCopy copy = RulesCopy.of(tmp).replace("tips.drl", "rule \"Outdated profile: update it first\"", """
                rule "Never: a year ahead"
                    @item("TIP-1")
                when
                    Situation(daysUntilInterview > 400)
                then
                end

                rule "Outdated profile: update it first\"""");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("coverage: no scenario row fires \"Never: a year ahead\" (tips.drl)");
    }

    @Test
    void metadataProblems_areReported_andExit1() {
        RulesCopy copy = RulesCopy.of(tmp)
                .replace("tips.drl", "@item(\"TIP-8\")", "")
                .replace("risks.drl", "@item(\"CON-5\")", "@item(\"CON-55\")")
                .replace(VERDICTS, ",DONT_CONNECT,,\"\"\"Don't send a request: you were told not to connect with interviewers.\"\"\",B2,",
                        ",DONT_CONNECT,,\"\"\"Don't send a request: you were told not to connect with interviewers.\"\"\",B1,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("metadata: rule \"Outdated profile: update it first\" (tips.drl) has no @item")
                .contains("metadata: rule \"Risk: they declined before, meeting them is awkward\" (risks.drl) cites unknown item CON-55")
                .contains("metadata: duplicate id: row B1 is claimed by 2 rules: \"B1 Not your interviewer: do not connect\""
                        + " (verdict-policy.drl.csv row 13), \"B2 Told not to connect: do not connect\" (verdict-policy.drl.csv row 14)");
    }

    @Test
    void texts_unknownIdAndBlankText_exit3_withTheLine() {
        RulesCopy copy = RulesCopy.of(tmp)
                .replace("texts.csv", "PRO-4,,", "PRO-44,,")
                .replace("texts.csv", "NOTE_NO_THANKS,,\"After the interview, thank them for their time.\"", "NOTE_NO_THANKS,,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).containsPattern("texts.csv:\\d+: unknown id PRO-44; allowed: a guide item")
                .containsPattern("texts.csv:\\d+: missing text for NOTE_NO_THANKS");
    }

    @Test
    void texts_aCitedItemWithoutText_exits3_namingTheRule() {
        RulesCopy copy = RulesCopy.of(tmp).deleteLine("texts.csv", "TIP-8,,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("texts.csv: no text for TIP-8, which rule \"Outdated profile: update it first\" cites");
    }

    @Test
    void texts_aTextThatNoRuleCites_exits1() {
        RulesCopy copy = RulesCopy.of(tmp).replace("risks.drl", """
                rule "Risk: they declined before, meeting them is awkward"
                    @item("CON-5")""", """
                rule "Risk: they declined before, meeting them is awkward"
                    @item("CON-1")""").replace("risks.drl", "insert(Finding.risk(\"CON-5\"));", "insert(Finding.risk(\"CON-1\"));")
                .replace("verdict-policy.drl.csv", ",B5,CON-5,", ",B5,CON-1,");

        Run run = verify(copy.dir());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("metadata: texts.csv has a text for CON-5, which no rule cites");
    }

    @Test
    void usage_missingFolder_exits2() {
        Run run = verify(tmp.resolve("no-such-folder"));

        assertThat(run.exit()).isEqualTo(2);
    }
}
