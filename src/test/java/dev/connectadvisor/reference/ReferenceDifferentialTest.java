package dev.connectadvisor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.SituationSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rules against {@link ReferencePolicy} over the whole {@link SituationSpace}: verdict,
 * actInDays and decisive item agree for every valid situation, and every contradiction is
 * rejected with CONFLICT (issue 6, item 1).
 */
class ReferenceDifferentialTest {

    @Test
    void rulesAndReference_agreeOnEverySituationOfTheExhaustiveSpace() {
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
        AtomicInteger points = new AtomicInteger();
        AtomicInteger advised = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger mismatchCount = new AtomicInteger();
        List<String> mismatches = new ArrayList<>();
        long start = System.nanoTime();

        // the note adds note findings only: the differential walks the space without one, in parallel
        List<Situation> space = new ArrayList<>();
        dev.connectadvisor.internal.verify.SituationSpace.Counts counts = dev.connectadvisor.internal.verify.SituationSpace.walk(
                s -> {
                    if (s.note() == null) {
                        space.add(s);
                    }
                }, e -> {
                    conflicts.incrementAndGet();
                    if (e.code() != ErrorCode.CONFLICT) {
                        record(mismatches, mismatchCount, "rejected with " + e.code() + " " + e.field() + ": " + e.getMessage());
                    }
                });
        List<String> found = java.util.Collections.synchronizedList(mismatches);
        space.parallelStream().forEach(situation -> {
            ReferencePolicy.Answer expected = ReferencePolicy.decide(situation);
            Advice actual = advisor.advise(situation);
            advised.incrementAndGet();
            if (expected.verdict() != actual.verdict() || !java.util.Objects.equals(expected.actInDays(), actual.actInDays())
                    || !expected.decisiveItem().equals(actual.decisiveItem())) {
                record(found, mismatchCount, situation + ": expected " + expected + ", got " + actual.verdict() + " "
                        + actual.actInDays() + " " + actual.decisiveItem() + " fired " + actual.firedRules());
            }
        });
        points.set((int) counts.checked());
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("RELIABILITY differential: %d situations checked (%d advised and compared with the reference,"
                + " %d contradictions rejected with CONFLICT), %d mismatches, %d ms%n",
                points.get(), advised.get(), conflicts.get(), mismatchCount.get(), millis);
        assertThat(mismatches).as("first mismatches of " + mismatchCount.get()).isEmpty();
        assertThat(advised.get()).isGreaterThan(50_000);
    }

    private static void record(List<String> mismatches, AtomicInteger count, String mismatch) {
        if (count.incrementAndGet() <= 20) {
            mismatches.add(mismatch);
        }
    }
}
