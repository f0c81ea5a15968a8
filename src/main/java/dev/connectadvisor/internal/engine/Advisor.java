package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.DecisionListener;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.policy.Explainer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link dev.connectadvisor.ConnectAdvisor} does, for the project's own tools (the CLI, the
 * service, verify), which build it on rules compiled another way: one engine (one loaded rule
 * base), the clock that dates an {@code interviewDate}, and the optional advice cache and time
 * limit. Immutable; the {@code with...} methods share the engine.
 */
public final class Advisor {
    /** The system property that turns the advice cache off by default when set to {@code false}. */
    public static final String CACHE_PROPERTY = "connectadvisor.cache";

    private final Engine engine;
    /**
     * Null for the system clock in the default time zone, looked up when a date is first needed:
     * the time zone data cost about 30 ms of a cold start, and advice on a day count needs none.
     */
    private final Clock clock;
    /** Null when the cache is off. */
    private final AdviceCache cache;
    /** Null without a time limit. */
    private final TimeLimit timeLimit;
    /** Null without a listener. */
    private final DecisionListener listener;

    private Advisor(Engine engine, Clock clock, AdviceCache cache, TimeLimit timeLimit) {
        this(engine, clock, cache, timeLimit, null);
    }

    private Advisor(Engine engine, Clock clock, AdviceCache cache, TimeLimit timeLimit, DecisionListener listener) {
        this.engine = engine;
        this.clock = clock;
        this.cache = cache;
        this.timeLimit = timeLimit;
        this.listener = listener;
    }

    /** An advisor on an engine, with the cache on unless {@value #CACHE_PROPERTY} is {@code false}. */
    public static Advisor of(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        boolean caching = !"false".equals(System.getProperty(CACHE_PROPERTY));
        return new Advisor(engine, null, caching ? newCache(engine, null) : null, null);
    }

    private static AdviceCache newCache(Engine engine, TimeLimit timeLimit) {
        return timeLimit == null ? new AdviceCache(engine, AdviceCache.DEFAULT_MAX_ENTRIES)
                : new AdviceCache(timeLimit::evaluate, AdviceCache.DEFAULT_MAX_ENTRIES);
    }

    public Engine engine() {
        return engine;
    }

    public Advisor withClock(Clock clock) {
        return new Advisor(engine, Objects.requireNonNull(clock, "clock"), cache, timeLimit, listener);
    }

    public Advisor withCache(boolean enabled) {
        if (enabled == (cache != null)) {
            return this;
        }
        return new Advisor(engine, clock, enabled ? newCache(engine, timeLimit) : null, timeLimit, listener);
    }

    public boolean caching() {
        return cache != null;
    }

    /** Advice answered from the cache so far (0 without a cache). */
    public long cacheHits() {
        return cache == null ? 0 : cache.hits();
    }

    /** Advice the cache did not hold, so the rules ran (0 without a cache). */
    public long cacheMisses() {
        return cache == null ? 0 : cache.misses();
    }

    /** @throws IllegalArgumentException if the timeout is not positive */
    public Advisor withTimeout(Duration timeout) {
        TimeLimit limit = new TimeLimit(engine, Objects.requireNonNull(timeout, "timeout"));
        return new Advisor(engine, clock, cache == null ? null : newCache(engine, limit), limit, listener);
    }

    /** Today's date by this advisor's clock: the day an {@code interviewDate} without {@code today} is taken against. */
    public LocalDate today() {
        return clock == null ? LocalDate.now() : LocalDate.now(clock);
    }

    /** The situation with its day resolved; the clock is read only for an interview date. */
    private Situation resolved(Situation situation) {
        return situation.interviewDate() == null ? situation : situation.resolve(today());
    }

    /** This advisor, telling {@code listener} of every decision (null: none); shares the rules and the cache. */
    public Advisor withDecisionListener(DecisionListener listener) {
        return new Advisor(engine, clock, cache, timeLimit, listener);
    }

    public Advice advise(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        long start = listener == null ? 0 : System.nanoTime();
        Situation resolved = resolved(situation);
        Advice advice = decide(resolved);
        if (listener != null) {
            Decisions.tell(listener, Decisions.of(engine, resolved, advice, null, System.nanoTime() - start));
        }
        return advice;
    }

    private Advice decide(Situation resolved) {
        if (cache != null) {
            return cache.advise(resolved);
        }
        return timeLimit == null ? engine.evaluate(resolved) : timeLimit.evaluate(resolved);
    }

    public Explanation explain(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        Situation resolved = resolved(situation);
        if (timeLimit != null) {
            timeLimit.evaluate(resolved); // within the bound first: the traced run below then ends as surely
        }
        return Explainer.explain(engine, resolved);
    }

    /** The plan of a situation: the advice of each day the person acts or waits for. */
    public dev.connectadvisor.Plan plan(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        return Planner.plan(resolved(situation), this::decide, this::text);
    }

    /** A sentence of the rules' texts (for both phases), e.g. {@code LEGEND}. */
    public String text(String id) {
        return engine.policy().text(id, false);
    }

    public String rulesVersion() {
        return engine.version();
    }

    public List<RuleInfo> rules() {
        return engine.rules();
    }
}
