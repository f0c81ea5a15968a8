package dev.connectadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The advice cache changes nothing but speed: same advice, dates applied after the lookup, one cache per rule base. */
class AdviceCacheTest {
    private static final Clock MARCH_2 = Clock.fixed(LocalDate.of(2026, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final ConnectAdvisor CACHED = ConnectAdvisor.fromClasspath().withClock(MARCH_2);
    private static final ConnectAdvisor UNCACHED = CACHED.withCache(false);

    @Test
    void theCacheIsOnByDefault_andCanBeTurnedOff() {
        assertThat(ConnectAdvisor.fromClasspath().caching()).isTrue();
        assertThat(UNCACHED.caching()).isFalse();
        assertThat(UNCACHED.withCache(true).caching()).isTrue();
    }

    @Test
    void everyScenarioRow_getsTheSameAdvice_cachedOrNot_evenTwice() {
        for (ScenarioRow row : ScenarioSuite.read(RuleFolder.builtIn()).rows()) {
            Situation situation;
            try {
                situation = row.situation();
            } catch (InvalidSituationException rejected) {
                continue;
            }
            String expected = outcome(UNCACHED, situation);

            assertThat(outcome(CACHED, situation)).as(row.name()).isEqualTo(expected);
            assertThat(outcome(CACHED, situation)).as(row.name() + ", from the cache").isEqualTo(expected);
        }
    }

    @Test
    void datesThatGiveTheSameDayCount_shareAnEntry_butEachGetsItsOwnActOn() {
        Situation byDays = Situation.builder().daysUntilInterview(10).build();
        Situation onMarch2 = Situation.builder().interviewDate(LocalDate.of(2026, 3, 12)).build();
        Situation inJune = Situation.builder().interviewDate(LocalDate.of(2026, 6, 11)).today(LocalDate.of(2026, 6, 1))
                .build();

        Advice days = CACHED.advise(byDays);
        Advice march = CACHED.advise(onMarch2);
        Advice june = CACHED.advise(inJune);

        assertThat(days.actOn()).isNull();
        assertThat(march.actOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(june.actOn()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(march.reasons()).isSameAs(days.reasons());
        assertThat(june).usingRecursiveComparison().ignoringFields("actOn").isEqualTo(days);
    }

    @Test
    void invalidSituations_areStillRejected_withTheCacheOn() {
        Situation farByTheClock = Situation.builder().interviewDate(LocalDate.of(2027, 6, 1)).build();

        assertThatThrownBy(() -> CACHED.advise(farByTheClock))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("interviewDate");
                });
    }

    @Test
    void otherRules_startWithAnEmptyCache_soAReloadNeverServesOldAdvice() {
        Situation situation = Situation.builder().daysUntilInterview(-4).priorRequest(PriorRequest.ACCEPTED).build();
        Engine first = Engine.builtIn();
        AdviceCache cache = new AdviceCache(first, 10);
        cache.advise(situation);
        Engine reloaded = Engine.compile(RuleFolder.read(Path.of("rules")));
        AdviceCache afterReload = new AdviceCache(reloaded, 10);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(afterReload.size()).isZero();
        // the two ways of loading may order tied rules differently in firedRules; all else is equal
        assertThat(afterReload.advise(situation)).usingRecursiveComparison().ignoringFields("firedRules")
                .isEqualTo(cache.advise(situation));
        assertThat(afterReload.advise(situation).firedRules())
                .containsExactlyInAnyOrderElementsOf(cache.advise(situation).firedRules());
    }

    @Test
    void theCacheIsBounded() {
        AdviceCache small = new AdviceCache(Engine.builtIn(), 5);
        for (int days = -100; days <= 100; days++) {
            small.advise(Situation.builder().daysUntilInterview(days).build());
        }

        assertThat(small.size()).isLessThanOrEqualTo(5);
    }

    private static String outcome(ConnectAdvisor advisor, Situation situation) {
        try {
            return advisor.advise(situation).toString();
        } catch (InvalidSituationException e) {
            return e.code() + " " + e.field();
        }
    }
}
