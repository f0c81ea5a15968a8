package dev.connectadvisor;

import dev.connectadvisor.engine.AdviceCache;
import dev.connectadvisor.engine.Engine;
import dev.connectadvisor.engine.RuleFolder;
import dev.connectadvisor.engine.TimeLimit;
import dev.connectadvisor.policy.Explainer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The one entry point: build an advisor once, then call {@link #advise(Situation)} from any
 * thread.
 *
 * <pre>{@code
 * ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
 * Advice advice = advisor.advise(Situation.builder().daysUntilInterview(10).build());
 * advice.verdict();    // WAIT
 * advice.actInDays();  // 7
 * }</pre>
 *
 * <p>The rule base is loaded once, at construction: the built-in rules precompiled at build
 * time, or a folder compiled then. Each call evaluates in a session of its own, so the advisor is
 * thread-safe, and the returned {@link Advice} is immutable.
 *
 * <p>Advice is a pure function of the situation (its dates turned into a day count) and the
 * rules, so an advisor keeps a bounded cache of complete advice, on by default; turn it off with
 * {@link #withCache(boolean) withCache(false)}. The cache belongs to the loaded rules: an advisor
 * on other rules (a reload) starts with an empty one.
 */
public final class ConnectAdvisor {
    /**
     * The system property that turns the advice cache off by default when set to {@code false}
     * ({@code java -Dconnectadvisor.cache=false -jar connect-advisor.jar serve}); {@link #withCache}
     * still decides for one advisor.
     */
    public static final String CACHE_PROPERTY = "connectadvisor.cache";

    private final Engine engine;
    private final Clock clock;
    /** Null when the cache is off. */
    private final AdviceCache cache;
    /** Null without a time limit. */
    private final TimeLimit timeLimit;

    private ConnectAdvisor(Engine engine, Clock clock, AdviceCache cache, TimeLimit timeLimit) {
        this.engine = engine;
        this.clock = clock;
        this.cache = cache;
        this.timeLimit = timeLimit;
    }

    /** An advisor on an engine built another way, with the cache on (internal: tests build engines with KieBase options). */
    static ConnectAdvisor of(Engine engine) {
        boolean caching = !"false".equals(System.getProperty(CACHE_PROPERTY));
        return new ConnectAdvisor(engine, Clock.systemDefaultZone(), caching ? newCache(engine, null) : null, null);
    }

    /** A cache whose misses run the rules, within the time limit if there is one. */
    private static AdviceCache newCache(Engine engine, TimeLimit timeLimit) {
        return timeLimit == null ? new AdviceCache(engine, AdviceCache.DEFAULT_MAX_ENTRIES)
                : new AdviceCache(timeLimit::evaluate, AdviceCache.DEFAULT_MAX_ENTRIES);
    }

    /** The engine behind this advisor (internal: tests look at its sessions; the benchmarks use its KieBase). */
    Engine engine() {
        return engine;
    }

    /**
     * An advisor on the rules built into the jar, loaded from the executable model that the build
     * precompiled: no rule is parsed or compiled at run time.
     *
     * @throws IllegalStateException if the jar's precompiled rules cannot be loaded (a broken build)
     */
    public static ConnectAdvisor fromClasspath() {
        return of(Engine.builtIn());
    }

    /**
     * An advisor on the rules in a folder, compiled now: for rule authors who want to see an edit
     * at once.
     *
     * @throws RulesCompilationException with every problem, each with file, line and column
     * @throws java.io.UncheckedIOException if the folder cannot be read
     */
    public static ConnectAdvisor fromDirectory(Path rulesDir) {
        return of(Engine.compile(RuleFolder.read(rulesDir)));
    }

    /** An advisor on an engine compiled before (for the rule authors' tools, which also trace it). */
    public static ConnectAdvisor on(Engine engine) {
        return of(Objects.requireNonNull(engine, "engine"));
    }

    /** This advisor, with "today" taken from another clock (for an {@code interviewDate} without {@code today}). */
    public ConnectAdvisor withClock(Clock clock) {
        return new ConnectAdvisor(engine, Objects.requireNonNull(clock, "clock"), cache, timeLimit);
    }

    /**
     * This advisor with the advice cache on (the default; {@value AdviceCache#DEFAULT_MAX_ENTRIES}
     * situations at most) or off. Off, every call runs the rules: for measuring, or when every
     * situation is new. The returned advisor shares the rules, and the cache when both have it on.
     */
    public ConnectAdvisor withCache(boolean enabled) {
        if (enabled == (cache != null)) {
            return this;
        }
        return new ConnectAdvisor(engine, clock, enabled ? newCache(engine, timeLimit) : null, timeLimit);
    }

    /** True when this advisor caches advice. */
    public boolean caching() {
        return cache != null;
    }

    /**
     * This advisor (sharing its compiled rules; with a cache of its own if this one caches), with a
     * wall-clock bound on every call that runs the rules: for callers that run rules they do not
     * control, such as a rules folder being edited. An answer from the cache runs no rule.
     *
     * <pre>{@code
     * ConnectAdvisor bounded = ConnectAdvisor.fromDirectory(Path.of("rules")).withTimeout(Duration.ofSeconds(10));
     * }</pre>
     *
     * <p>Each call then runs on a worker of a small daemon pool, and past the bound the caller gets
     * {@link AdviceException.Kind#TIMEOUT} naming the rule that was running. A consequence stuck in
     * a Java loop cannot be stopped safely: its worker is halted and interrupted, then given up for
     * lost and replaced, so that the advisor keeps answering (up to 16 stuck workers at once). The
     * plain {@link #advise} of an advisor without a timeout runs on the caller's thread, with no
     * hand-off.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public ConnectAdvisor withTimeout(Duration timeout) {
        TimeLimit limit = new TimeLimit(engine, Objects.requireNonNull(timeout, "timeout"));
        return new ConnectAdvisor(engine, clock, cache == null ? null : newCache(engine, limit), limit);
    }

    /**
     * The advice for one situation.
     *
     * @throws InvalidSituationException if the interview date, taken against today's date, is out
     *     of range or contradicts the other fields
     * @throws AdviceException if the rules give no single verdict, loop or fail (a defect in the
     *     rules), or, with {@link #withTimeout}, give no answer in time
     */
    public Advice advise(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        Situation resolved = situation.interviewDate() == null ? situation : situation.resolve(LocalDate.now(clock));
        if (cache != null) {
            return cache.advise(resolved);
        }
        return timeLimit == null ? engine.evaluate(resolved) : timeLimit.evaluate(resolved);
    }

    /**
     * The advice for one situation, with why: which condition of each policy row above the
     * deciding one did not hold, and which conditions of the deciding row did.
     *
     * <pre>{@code
     * advisor.explain(situation).lines().forEach(System.out::println);
     * }</pre>
     *
     * @throws InvalidSituationException as {@link #advise(Situation)} does
     * @throws AdviceException as {@link #advise(Situation)} does
     */
    public Explanation explain(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        Situation resolved = situation.resolve(LocalDate.now(clock));
        if (timeLimit != null) {
            timeLimit.evaluate(resolved); // within the bound first: the traced run below then ends as surely
        }
        return Explainer.explain(engine, resolved);
    }

    /** A short hash of the rule sources, carried by every advice. */
    public String rulesVersion() {
        return engine.version();
    }

    /** Every rule with its guide items and policy row, sorted by name. */
    public List<RuleInfo> rules() {
        return engine.rules();
    }
}
