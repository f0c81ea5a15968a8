package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ConnectAdvisor#withDecisionListener}: one record per decision, what the rules saw and answered. */
class DecisionListenerTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();

    @Test
    void eachAdvice_isOneDecision_withTheSituationAsTheRulesSawIt() {
        List<DecisionRecord> seen = new CopyOnWriteArrayList<>();
        ConnectAdvisor audited = ADVISOR.withDecisionListener(seen::add);
        Situation dated = Situation.builder().interviewDate(LocalDate.of(2026, 12, 12)).today(LocalDate.of(2026, 12, 2))
                .note("Hi Sarah, looking forward to our interview on Friday.").interviewerName("Sarah Lee").build();

        Advice first = audited.advise(dated);
        Advice second = audited.advise(dated); // from the cache: still a decision

        assertThat(second).isEqualTo(first);
        assertThat(seen).hasSize(2);
        DecisionRecord d = seen.get(0);
        assertThat(d.situation().daysUntilInterview()).isEqualTo(10);
        assertThat(d.situation().interviewDate()).isNull();
        assertThat(d.situation().today()).isNull();
        assertThat(d.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(d.actInDays()).isEqualTo(7);
        assertThat(d.decidingRow()).isEqualTo("B9");
        assertThat(d.reasons()).isEqualTo(first.reasons().stream().map(Entry::item).toList()).contains("TIP-1");
        assertThat(d.firedRules()).isEqualTo(first.firedRules());
        assertThat(d.rulesVersion()).isEqualTo(ADVISOR.rulesVersion());
        assertThat(d.note().length()).isEqualTo(53);
        assertThat(d.note().mentionsMeeting()).isTrue();
        assertThat(d.millis()).isPositive();
        assertThat(d.requestId()).isNotBlank().isNotEqualTo(seen.get(1).requestId());
        assertThat(ADVISOR.advise(dated)).isEqualTo(first); // the advisor it came from tells no one
        assertThat(seen).hasSize(2);
    }

    @Test
    void aListenerThatThrows_doesNotCostTheCallerItsAdvice() {
        ConnectAdvisor audited = ADVISOR.withDecisionListener(d -> {
            throw new IllegalStateException("audit store down");
        });

        assertThat(audited.advise(Situation.builder().daysUntilInterview(3).build()).verdict()).isEqualTo(Verdict.CONNECT);
    }
}
