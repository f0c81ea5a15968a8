package dev.connectadvisor;

import dev.connectadvisor.engine.Engine;
import dev.connectadvisor.engine.RuleFolder;
import dev.connectadvisor.policy.Explainer;
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
 * <p>The rule base is compiled once, at construction. Each call evaluates in its own
 * session, so the advisor is thread-safe, and the returned {@link Advice} is immutable.
 */
public final class ConnectAdvisor {
    private final Engine engine;
    private final Clock clock;

    private ConnectAdvisor(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * An advisor on the rules built into the jar.
     *
     * @throws RulesCompilationException if the built-in rules do not compile (a broken build)
     */
    public static ConnectAdvisor fromClasspath() {
        return new ConnectAdvisor(Engine.compile(RuleFolder.builtIn()), Clock.systemDefaultZone());
    }

    /**
     * An advisor on the rules in a folder, compiled now: for rule authors who want to see an edit
     * at once.
     *
     * @throws RulesCompilationException with every problem, each with file, line and column
     * @throws java.io.UncheckedIOException if the folder cannot be read
     */
    public static ConnectAdvisor fromDirectory(Path rulesDir) {
        return new ConnectAdvisor(Engine.compile(RuleFolder.read(rulesDir)), Clock.systemDefaultZone());
    }

    /** An advisor on an engine compiled before (for the rule authors' tools, which also trace it). */
    public static ConnectAdvisor on(Engine engine) {
        return new ConnectAdvisor(Objects.requireNonNull(engine, "engine"), Clock.systemDefaultZone());
    }

    /** This advisor, with "today" taken from another clock (for an {@code interviewDate} without {@code today}). */
    public ConnectAdvisor withClock(Clock clock) {
        return new ConnectAdvisor(engine, Objects.requireNonNull(clock, "clock"));
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
        return engine.evaluate(situation.resolve(LocalDate.now(clock)));
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
        return Explainer.explain(engine, situation.resolve(LocalDate.now(clock)));
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
