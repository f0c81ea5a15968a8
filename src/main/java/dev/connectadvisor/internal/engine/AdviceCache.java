package dev.connectadvisor.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectadvisor.Advice;
import dev.connectadvisor.Situation;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Complete advice of one engine (one loaded rule base), keyed by the situation as the rules see
 * it: resolved to a day count, without dates ({@link Engine#dayless}). {@code actOn} is computed
 * after the lookup, so one entry serves every date that gives the same day count. A new rule base
 * is a new engine with a new, empty cache: a reload never serves advice of the old rules.
 * Bounded (least recently and frequently used entries go first); errors are never cached.
 */
public final class AdviceCache {
    /** About 1.5 KB per entry: 10,000 entries stay well under 20 MB. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final Function<Situation, Advice> rules;
    private final long maxEntries;
    /** Built on first use, so that an advisor that never advises (or turns the cache off) never loads Caffeine. */
    private volatile Cache<Situation, Advice> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public AdviceCache(Engine engine, long maxEntries) {
        this(engine::evaluateDayless, maxEntries);
    }

    /**
     * @param rules evaluates a situation without dates ({@link Engine#dayless}) against one rule
     *     base: the engine itself, or a time limit around it
     */
    public AdviceCache(Function<Situation, Advice> rules, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.rules = rules;
        this.maxEntries = maxEntries;
    }

    /** The advice for a resolved situation, from the cache or from the engine. */
    public Advice advise(Situation resolved) {
        Situation key = Engine.dayless(resolved);
        Cache<Situation, Advice> entries = cache();
        Advice advice = entries.getIfPresent(key);
        if (advice != null) {
            hits.increment();
        } else {
            misses.increment();
            // not computed inside the cache: no lock is held while the rules run (up to a time
            // limit); two threads missing the same key at once both compute the same advice
            advice = rules.apply(key);
            entries.put(key, advice);
        }
        return Engine.dated(advice, resolved);
    }

    private Cache<Situation, Advice> cache() {
        Cache<Situation, Advice> built = cache;
        if (built == null) {
            synchronized (this) {
                built = cache;
                if (built == null) {
                    // maintenance (eviction) on the calling thread: no pool thread to start, and the bound holds at once
                    built = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
                    cache = built;
                }
            }
        }
        return built;
    }

    /** Lookups answered from the cache so far. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to run the rules so far. */
    public long misses() {
        return misses.sum();
    }

    /** How many entries the cache holds now (approximately). */
    public long size() {
        Cache<Situation, Advice> built = cache;
        return built == null ? 0 : built.estimatedSize();
    }
}
