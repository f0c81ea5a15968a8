package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Why and why not: {@link ConnectAdvisor#explain(Situation)}. */
class ExplainTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();

    @Test
    void referral_isDecidedByB6_andEachRowAboveNamesTheConditionThatDidNotHold() {
        Situation situation = Situation.builder().daysUntilInterview(10).hasReferral(true).build();

        Explanation why = ADVISOR.explain(situation);

        assertThat(why.deciding().row()).isEqualTo("B6");
        assertThat(why.deciding().held()).containsExactly("hasReferral is true");
        assertThat(why.decidingRule()).isEqualTo("B6 You have a referral: do not go over their head");
        assertThat(why.rowsAbove()).extracting(Explanation.RowCheck::row).containsExactly("B1", "B2", "B3", "B4", "B5");
        assertThat(why.lines()).contains(
                "  B1 not your interviewer: directInterviewer is true",
                "  B2 told not to connect: toldNotToConnect is false",
                "  B3 hesitant: interviewerSeemedHesitant is false",
                "  B4 accepted: priorRequest is NONE",
                "  B5 declined: priorRequest is NONE");
        assertThat(why.advice()).isEqualTo(ADVISOR.advise(situation));
        assertThat(why.policyRow()).isEqualTo("B6");
    }

    @Test
    void tooEarly_namesTheThresholdThatHeld_andWhyTheReferralRowDidNot() {
        Explanation why = ADVISOR.explain(Situation.builder().daysUntilInterview(10).build());

        assertThat(why.lines().get(0)).isEqualTo("Decided by B9 too early: daysUntilInterview > connectWindowDays"
                + " (daysUntilInterview is 10, connectWindowDays is 3) [rule \"B9 More than the window ahead: wait\"]");
        assertThat(why.lines()).contains("  B6 referral: hasReferral is false", "  B8 interview day: daysUntilInterview is 10");
    }

    @Test
    void afterTheInterview_listsOnlyTheAfterRows_andTheOtherwiseRowHoldsWithoutConditions() {
        Explanation why = ADVISOR.explain(Situation.builder().daysUntilInterview(-5).build());

        assertThat(why.deciding().row()).isEqualTo("A9");
        assertThat(why.rowsAbove()).extracting(Explanation.RowCheck::row)
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8");
        assertThat(why.lines()).contains(
                "  A2 declined twice: priorRequest is NONE; applicationRejected is false",
                "  A6 too soon: daysSince is 5, followUpWaitDays is 3");
    }
}
