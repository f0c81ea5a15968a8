package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Why and why not: {@link ConnectAdvisor#explain(Situation)}, read from the verdict table's own cells. */
class ExplainTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();

    @Test
    void referral_isDecidedByB6_andEachRowAboveNamesTheCellThatDidNotHold() {
        Situation situation = Situation.builder().daysUntilInterview(10).hasReferral(true).build();

        Explanation why = ADVISOR.explain(situation);

        assertThat(why.decidingRow()).isEqualTo("B6");
        assertThat(why.deciding().held()).containsExactly("phase ($d): $d >= 0 (daysUntilInterview is 10)",
                "hasReferral: true (hasReferral is true)");
        assertThat(why.decidingRule()).isEqualTo("B6 You have a referral: do not go over their head");
        assertThat(why.rowsAbove()).extracting(Explanation.Row::id).containsExactly("B1", "B2", "B3", "B4", "B5");
        assertThat(why.lines()).contains(
                "  B1 Not your interviewer: do not connect: directInterviewer: false (directInterviewer is true)",
                "  B2 Told not to connect: do not connect: toldNotToConnect: true (toldNotToConnect is false)",
                "  B3 They seemed hesitant: let them initiate: interviewerSeemedHesitant: true (interviewerSeemedHesitant is false)",
                "  B4 Already connected: wait until after the interview: priorRequest: ACCEPTED (priorRequest is NONE)",
                "  B5 They declined your request: do not ask again before the interview: priorRequest: DECLINED"
                        + " (priorRequest is NONE)");
        assertThat(why.advice()).isEqualTo(ADVISOR.advise(situation));
        AdviceAssert.assertThat(why.advice()).hasVerdict(Verdict.DONT_CONNECT).actsIn(null).isDecidedBy("TIP-6")
                .advisesSteps("AFTER-0").warnsOf("CON-1", "CON-8");
        assertThat(why.policyRow()).isEqualTo("B6");
    }

    @Test
    void tooEarly_namesTheThresholdThatHeld_andWhyTheReferralRowDidNot() {
        Explanation why = ADVISOR.explain(Situation.builder().daysUntilInterview(10).build());

        assertThat(why.lines().get(0)).isEqualTo("Decided by B9 More than the window ahead: wait:"
                + " phase ($d): $d >= 0 (daysUntilInterview is 10);"
                + " daysUntilInterview: daysUntilInterview > $window (daysUntilInterview is 10, connectWindowDays is 3)"
                + " [verdict-policy.drl.csv line 21]");
        assertThat(why.lines()).contains("  B6 You have a referral: do not go over their head: hasReferral: true"
                + " (hasReferral is false)", "  B8 Interview today: too late to connect first:"
                + " daysUntilInterview: daysUntilInterview == 0 (daysUntilInterview is 10)");
    }

    @Test
    void afterTheInterview_listsOnlyTheAfterRows_andTheOtherwiseRowHoldsOnItsPhaseAlone() {
        Explanation why = ADVISOR.explain(Situation.builder().daysUntilInterview(-5).build());

        assertThat(why.decidingRow()).isEqualTo("A9");
        assertThat(why.deciding().held()).containsExactly("phase ($d): $d < 0 (daysUntilInterview is -5)");
        assertThat(why.rowsAbove()).extracting(Explanation.Row::id)
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8");
        assertThat(why.lines()).contains(
                "  A2 They declined you twice: no second request: priorRequest: DECLINED (priorRequest is NONE);"
                        + " applicationRejected: true (applicationRejected is false)",
                "  A6 Too soon after the interview: wait a few days: daysUntilInterview: daysUntilInterview > -$wait"
                        + " (daysUntilInterview is -5, followUpWaitDays is 3)");
    }

    @Test
    void theTable_isShownAsWritten_withTheOtherPhaseOutOfPhase() {
        Explanation why = ADVISOR.explain(Situation.builder().daysUntilInterview(2).build());

        Explanation.Table table = why.table();
        assertThat(table.file()).isEqualTo("verdict-policy.drl.csv");
        assertThat(table.columns()).startsWith("rule", "phase ($d)", "daysUntilInterview", "directInterviewer");
        assertThat(table.rows()).hasSize(19);
        assertThat(table.rows()).filteredOn(Explanation.Row::inPhase).extracting(Explanation.Row::id)
                .containsExactly("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10");
        Explanation.Row b10 = why.deciding();
        assertThat(b10.id()).isEqualTo("B10");
        assertThat(b10.matches()).isTrue();
        assertThat(b10.cells().get(0).text()).isEqualTo("B10 Within the window: connect now");
        assertThat(b10.cells().get(0).held()).isNull();
        assertThat(b10.cells().get(10).text()).isEqualTo("CONNECT");
    }
}
