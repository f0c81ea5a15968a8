package dev.connectadvisor.internal.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectadvisor.Situation;
import java.util.Arrays;

/**
 * The whole answers of one rule base to recent request bodies, so that a repeated
 * {@code POST /v1/advice} skips reading the JSON, the advice cache and writing the JSON (which
 * costs more than the lookup). Kept only where the advice cache is on, and only for a situation
 * whose answer is a pure function of its body: one without {@code interviewDate}, or with
 * {@code today} too (otherwise the date of the day decides). Bounded; a new rule base starts empty.
 */
final class Answers {
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_BODY_BYTES = 4096;

    /** An answer and what the metrics, the decision log and the shadow rules need of it. */
    record Stored(byte[] answer, String verdict, String row, Situation situation, dev.connectadvisor.Advice advice) {
    }

    private record Body(byte[] bytes, int hash) {
        static Body of(byte[] bytes) {
            return new Body(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Body body && body.hash == hash && Arrays.equals(body.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    final LiveRules.Loaded rules;
    private final Cache<Body, Stored> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run).build();

    Answers(LiveRules.Loaded rules) {
        this.rules = rules;
    }

    static boolean applies(LiveRules.Loaded rules, byte[] body) {
        return rules.advisor().caching() && body.length <= MAX_BODY_BYTES;
    }

    Stored get(byte[] body) {
        return cache.getIfPresent(Body.of(body));
    }

    void put(byte[] body, Situation situation, Stored answer) {
        if (situation.interviewDate() == null || situation.today() != null) {
            cache.put(Body.of(body), answer);
        }
    }
}
