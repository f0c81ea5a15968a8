package dev.connectadvisor;

import dev.connectadvisor.engine.AdviceCache;
import dev.connectadvisor.engine.Engine;
import dev.connectadvisor.engine.RuleFolder;
import java.nio.file.Path;
import java.time.Clock;
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
    private final Engine engine;
    private final Clock clock;
    /** Null when the cache is off. */
    private final AdviceCache cache;

    private ConnectAdvisor(Engine engine, Clock clock, AdviceCache cache) {
        this.engine = engine;
        this.clock = clock;
        this.cache = cache;
    }

    private static ConnectAdvisor on(Engine engine) {
        return new ConnectAdvisor(engine, Clock.systemDefaultZone(),
                new AdviceCache(engine, AdviceCache.DEFAULT_MAX_ENTRIES));
    }

    /**
     * An advisor on the rules built into the jar, loaded from the executable model that the build
     * precompiled: no rule is parsed or compiled at run time.
     *
     * @throws IllegalStateException if the jar's precompiled rules cannot be loaded (a broken build)
     */
    public static ConnectAdvisor fromClasspath() {
        return on(Engine.builtIn());
    }

    /**
     * An advisor on the rules in a folder, compiled now: for rule authors who want to see an edit
     * at once.
     *
     * @throws RulesCompilationException with every problem, each with file, line and column
     * @throws java.io.UncheckedIOException if the folder cannot be read
     */
    public static ConnectAdvisor fromDirectory(Path rulesDir) {
        return on(Engine.compile(RuleFolder.read(rulesDir)));
    }

    /** This advisor, with "today" taken from another clock (for an {@code interviewDate} without {@code today}). */
    public ConnectAdvisor withClock(Clock clock) {
        return new ConnectAdvisor(engine, Objects.requireNonNull(clock, "clock"), cache);
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
        return new ConnectAdvisor(engine, clock,
                enabled ? new AdviceCache(engine, AdviceCache.DEFAULT_MAX_ENTRIES) : null);
    }

    /** True when this advisor caches advice. */
    public boolean caching() {
        return cache != null;
    }

    /**
     * The advice for one situation.
     *
     * @throws InvalidSituationException if the interview date, taken against today's date, is out
     *     of range or contradicts the other fields
     * @throws AdviceException if the rules give no single verdict, loop or fail (a defect in the rules)
     */
    public Advice advise(Situation situation) {
        Objects.requireNonNull(situation, "situation");
        Situation resolved = situation.interviewDate() == null ? situation : situation.resolve(LocalDate.now(clock));
        return cache == null ? engine.evaluate(resolved) : cache.advise(resolved);
    }

    /** A short hash of the rule sources, carried by every advice. */
    public String rulesVersion() {
        return engine.version();
    }

    /** The loaded rules (for the benchmarks, which compare the facade with a bare session on the same KieBase). */
    Engine engine() {
        return engine;
    }

    /** Every rule with its guide items and policy row, sorted by name. */
    public List<RuleInfo> rules() {
        return engine.rules();
    }
}
