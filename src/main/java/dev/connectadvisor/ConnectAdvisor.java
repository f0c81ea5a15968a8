package dev.connectadvisor;

import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
    public static final String CACHE_PROPERTY = Advisor.CACHE_PROPERTY;

    private final Advisor core;

    private ConnectAdvisor(Advisor core) {
        this.core = core;
    }

    /** An advisor on an engine built another way (tests build engines with KieBase options). */
    static ConnectAdvisor of(Engine engine) {
        return new ConnectAdvisor(Advisor.of(engine));
    }

    /** The engine behind this advisor (tests look at its sessions; the benchmarks use its KieBase). */
    Engine engine() {
        return core.engine();
    }

    /**
     * An advisor on the rules built into the jar, loaded from the executable model that the build
     * precompiled: no rule is parsed or compiled at run time.
     *
     * @return an advisor on the built-in rules
     * @throws IllegalStateException if the jar's precompiled rules cannot be loaded (a broken build)
     */
    public static ConnectAdvisor fromClasspath() {
        return new ConnectAdvisor(Advisor.of(Engine.builtIn()));
    }

    /**
     * An advisor on the rules in a folder, compiled now: for rule authors who want to see an edit
     * at once.
     *
     * <p>Compiling needs optional modules that the core path does not: {@code drools-compiler},
     * {@code drools-mvel}, {@code drools-decisiontables} and {@code jackson-dataformat-csv} (the
     * Java callers' page lists them). Without one, this fails at once and names it.
     *
     * @param rulesDir a folder laid out as the project's {@code rules/}
     * @return an advisor on the folder's rules
     * @throws RulesCompilationException with every problem, each with file, line and column
     * @throws java.io.UncheckedIOException if the folder cannot be read
     * @throws IllegalStateException if a module that compiles rules is not on the classpath; the
     *     message names the artifacts to add
     */
    public static ConnectAdvisor fromDirectory(Path rulesDir) {
        return new ConnectAdvisor(Advisor.of(Engine.compile(RuleFolder.read(rulesDir))));
    }

    /**
     * This advisor, with "today" taken from another clock (for an {@code interviewDate} without
     * {@code today}).
     *
     * @param clock the clock whose date is today
     * @return an advisor sharing these rules and this cache
     */
    public ConnectAdvisor withClock(Clock clock) {
        return new ConnectAdvisor(core.withClock(clock));
    }

    /**
     * This advisor with the advice cache on (the default; 10,000 situations at most) or off. Off,
     * every call runs the rules: for measuring, or when every situation is new. The returned
     * advisor shares the rules, and the cache when both have it on.
     *
     * @param enabled true for a cache
     * @return this advisor, or one sharing its rules
     */
    public ConnectAdvisor withCache(boolean enabled) {
        Advisor changed = core.withCache(enabled);
        return changed == core ? this : new ConnectAdvisor(changed);
    }

    /**
     * True when this advisor caches advice.
     *
     * @return whether the cache is on
     */
    public boolean caching() {
        return core.caching();
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
     * @param timeout the bound on one call
     * @return an advisor sharing these rules
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public ConnectAdvisor withTimeout(Duration timeout) {
        return new ConnectAdvisor(core.withTimeout(timeout));
    }

    /**
     * This advisor (sharing its rules and its cache), telling {@code listener} of every decision
     * {@link #advise} makes: the situation as the rules saw it, the verdict, the deciding row, the
     * reasons, the rules that fired and the time taken (see {@link DecisionRecord}).
     *
     * <pre>{@code
     * ConnectAdvisor audited = advisor.withDecisionListener(d -> log.info("{} {} {}", d.requestId(), d.verdict(), d.decidingRow()));
     * }</pre>
     *
     * @param listener called once per decision, on the caller's thread; thread-safe and quick
     * @return an advisor sharing these rules, with this listener instead of any other
     */
    public ConnectAdvisor withDecisionListener(DecisionListener listener) {
        return new ConnectAdvisor(core.withDecisionListener(java.util.Objects.requireNonNull(listener, "listener")));
    }

    /**
     * The advice for one situation.
     *
     * @param situation what to advise on
     * @return the advice, immutable
     * @throws InvalidSituationException if the interview date, taken against today's date, is out
     *     of range or contradicts the other fields
     * @throws AdviceException if the rules give no single verdict, loop or fail (a defect in the
     *     rules), or, with {@link #withTimeout}, give no answer in time
     */
    public Advice advise(Situation situation) {
        return core.advise(situation);
    }

    /**
     * The advice for one situation, with why: which condition cell of each policy row above the
     * deciding one did not hold, and which cells of the deciding row did, read from the decision
     * table itself.
     *
     * <pre>{@code
     * advisor.explain(situation).lines().forEach(System.out::println);
     * }</pre>
     *
     * @param situation what to advise on
     * @return the advice and why
     * @throws InvalidSituationException as {@link #advise(Situation)} does
     * @throws AdviceException as {@link #advise(Situation)} does
     */
    public Explanation explain(Situation situation) {
        return core.explain(situation);
    }

    /**
     * The plan of a situation: today's advice, then the advice of each later day on which the
     * person acts (or waits for), the situation moved on as the plan's assumptions say, up to six
     * steps. Only the rules are asked, so the plan follows any rule edit.
     *
     * <pre>{@code
     * Plan plan = advisor.plan(Situation.builder().daysUntilInterview(10).build());
     * plan.steps().stream().map(s -> s.inDays() + " " + s.advice().verdict()).toList();
     * // [0 WAIT, 7 CONNECT, 8 WAIT, 13 CONNECT, 14 DONT_CONNECT]
     * }</pre>
     *
     * @param situation the situation today
     * @return the plan
     * @throws InvalidSituationException as {@link #advise(Situation)} does
     * @throws AdviceException as {@link #advise(Situation)} does, for any step
     */
    public Plan plan(Situation situation) {
        return core.plan(situation);
    }

    /**
     * A short hash of the rule sources, carried by every advice.
     *
     * @return the version of the loaded rules
     */
    public String rulesVersion() {
        return core.rulesVersion();
    }

    /**
     * Every rule with its guide items and policy row, sorted by name.
     *
     * @return the loaded rules
     */
    public List<RuleInfo> rules() {
        return core.rules();
    }
}
