package dev.connectadvisor.internal.server;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.verify.Verifier;
import dev.connectadvisor.internal.verify.VerifyReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule base the service answers with, and its reload. The current rules sit in one
 * {@link AtomicReference}: a reload builds and checks a new advisor off to the side and swaps it
 * in with one write, so no request ever sees a half-loaded rule base, and a request that read
 * {@link #current()} at its start finishes on those rules whatever happens meanwhile.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /** The rules in service: the advisor, its version, and when and from where they were loaded. */
    public record Loaded(Advisor advisor, String version, Instant loadedAt, String origin) {
        public Loaded {
            Objects.requireNonNull(advisor, "advisor");
        }
    }

    /** Why the last reload was refused: the rules kept in service are the ones before it. */
    public record ReloadError(Instant at, String message, List<String> problems) {
        public ReloadError {
            problems = List.copyOf(problems);
        }
    }

    private final AtomicReference<Loaded> current;
    private final AtomicReference<ReloadError> lastError = new AtomicReference<>();
    private final Path dir;
    private final Clock clock;
    private final Duration timeout;

    private LiveRules(Loaded first, Path dir, Clock clock, Duration timeout) {
        this.current = new AtomicReference<>(first);
        this.dir = dir;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The rules built into the jar, each advice bounded by {@code timeout}; they never reload. */
    public static LiveRules builtIn(Clock clock, Duration timeout) {
        Advisor advisor = Advisor.of(Engine.builtIn()).withTimeout(timeout);
        return new LiveRules(new Loaded(advisor, advisor.rulesVersion(), clock.instant(), "built-in"), null, clock,
                timeout);
    }

    /**
     * The rules of a folder, compiled now, each advice bounded by {@code timeout} (a stuck rule
     * cannot hang a request, nor the check of a reload). verify's checks run too; a failure is reported
     * in {@link #lastError()} (there are no older rules to keep) but does not stop the service.
     *
     * @throws RulesCompilationException if they do not compile
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static LiveRules fromDirectory(Path dir, Clock clock, Duration timeout) {
        RuleFolder folder = RuleFolder.read(dir);
        Engine engine = Engine.compile(folder);
        Advisor advisor = Advisor.of(engine).withTimeout(timeout);
        LiveRules rules = new LiveRules(new Loaded(advisor, advisor.rulesVersion(), clock.instant(), dir.toString()), dir,
                clock, timeout);
        VerifyReport report = Verifier.verify(folder, engine, Verifier.Options.DEFAULT);
        if (!report.passed()) {
            rules.refuse("the rules in service fail verify: " + report.lines().get(report.lines().size() - 1),
                    report.lines());
        }
        return rules;
    }

    /** The rules in service now; read it once per request. */
    public Loaded current() {
        return current.get();
    }

    /** The last refused reload, or null if the last load was good. */
    public ReloadError lastError() {
        return lastError.get();
    }

    /** The folder the rules come from, or null for the built-in rules. */
    public Path dir() {
        return dir;
    }

    /**
     * Builds the folder's rules anew, runs verify's checks on them (metadata, scenario tables, coverage), and swaps them in
     * only if they compile and pass; otherwise keeps the rules in service and records why.
     * Reloads are serialized; answering goes on meanwhile.
     *
     * @return true if new rules were swapped in
     */
    public synchronized boolean reload() {
        if (dir == null) {
            return false;
        }
        RuleFolder folder;
        Engine engine;
        try {
            folder = RuleFolder.read(dir);
            engine = Engine.compile(folder);
        } catch (RulesCompilationException e) {
            return refuse("the changed rules do not compile: " + e.problems().size() + " problem(s)",
                    e.problems().stream().map(RuleProblem::toString).toList());
        } catch (UncheckedIOException e) {
            return refuse("the changed rules folder cannot be read: " + e.getCause(), List.of());
        } catch (RuntimeException e) {
            return refuse("the changed rules could not be built: " + e, List.of());
        }
        // verify's checks (metadata, every scenario table, coverage) on exactly the files and the rule
        // base that would serve: the folder is read once, so an edit during the check cannot slip in.
        VerifyReport report;
        try {
            report = Verifier.verify(folder, engine, Verifier.Options.DEFAULT);
        } catch (RuntimeException e) {
            return refuse("the changed rules could not be verified: " + e, List.of());
        }
        if (!report.passed()) {
            return refuse("the changed rules fail verify, so they were not loaded: "
                    + report.lines().get(report.lines().size() - 1), report.lines());
        }
        Advisor candidate = Advisor.of(engine).withTimeout(timeout);
        Loaded before = current.getAndSet(
                new Loaded(candidate, candidate.rulesVersion(), clock.instant(), dir.toString()));
        lastError.set(null);
        LOG.info("rules reloaded from {}: version {} (was {}); {}", dir, candidate.rulesVersion(), before.version(),
                report.lines().get(report.lines().size() - 1));
        return true;
    }

    private boolean refuse(String message, List<String> problems) {
        lastError.set(new ReloadError(clock.instant(), message, problems));
        LOG.warn("serving rules version {}, but: {}{}", current.get().version(), message,
                problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
        return false;
    }
}
