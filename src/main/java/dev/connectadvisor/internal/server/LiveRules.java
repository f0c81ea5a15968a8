package dev.connectadvisor.internal.server;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.verify.RuleSafety;
import dev.connectadvisor.internal.verify.Verifier;
import dev.connectadvisor.internal.verify.VerifyReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule base the service answers with, and its reload. The current rules sit in one
 * {@link AtomicReference}: a reload builds and checks a new advisor off to the side and swaps it
 * in with one write, so no request ever sees a half-loaded rule base, and a request that read
 * {@link #current()} at its start finishes on those rules whatever happens meanwhile.
 *
 * <p>Rules that call what a rule may not ({@link RuleSafety}: System.exit, threads, file or network
 * I/O, reflection) are refused before they are compiled, so before any of them runs. What this
 * class says to a caller never holds the folder's absolute path: {@link Loaded#origin} is
 * {@code built-in} or the folder's own name.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /**
     * The rules in service: the advisor, its version, when and from where (built-in, or the
     * folder's name) they were loaded, and whether verify's checks passed on them.
     */
    public record Loaded(Advisor advisor, String version, Instant loadedAt, String origin, boolean verified) {
        public Loaded {
            Objects.requireNonNull(advisor, "advisor");
        }

        Loaded(Advisor advisor, Instant loadedAt, String origin, boolean verified) {
            this(advisor, advisor.rulesVersion(), loadedAt, origin, verified);
        }

        /** The policy row of the verdict rule among {@code firedRules}, or "none". */
        public String decidingRow(List<String> firedRules) {
            return advisor.engine().decidingRow(firedRules);
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
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** The cache counts of rule bases no longer in service, so the totals never go down. */
    private final AtomicLong retiredHits = new AtomicLong();
    private final AtomicLong retiredMisses = new AtomicLong();
    /** Repeated requests answered whole by the service, before the advice cache (see Answers). */
    private final java.util.concurrent.atomic.LongAdder answerHits = new java.util.concurrent.atomic.LongAdder();

    private LiveRules(Loaded first, Path dir, Clock clock, Duration timeout) {
        this.current = new AtomicReference<>(first);
        this.dir = dir;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The rules built into the jar, each advice bounded by {@code timeout}; they never reload. */
    public static LiveRules builtIn(Clock clock, Duration timeout) {
        // checked by the build itself: verify ran on them, scenario tables and all, before they were packed
        Advisor advisor = Advisor.of(Engine.builtIn()).withTimeout(timeout);
        return new LiveRules(new Loaded(advisor, clock.instant(), "built-in", true), null, clock, timeout);
    }

    /**
     * The rules of a folder, compiled now, each advice bounded by {@code timeout} (a stuck rule
     * cannot hang a request, nor the check of a reload). verify's checks run too; a failure is reported
     * in {@link #lastError()} (there are no older rules to keep) but does not stop the service.
     *
     * @throws RulesCompilationException if they do not compile, or call what a rule may not
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static LiveRules fromDirectory(Path dir, Clock clock, Duration timeout) {
        RuleFolder folder = RuleFolder.read(dir);
        Engine engine = Engine.compile(RuleSafety.requireSafe(folder));
        VerifyReport report = Verifier.verify(folder, engine, Verifier.Options.DEFAULT);
        Advisor advisor = Advisor.of(engine).withTimeout(timeout);
        LiveRules rules = new LiveRules(new Loaded(advisor, clock.instant(), originOf(dir), report.passed()), dir, clock,
                timeout);
        if (!report.passed()) {
            rules.record("the rules in service fail verify: " + report.lines().get(report.lines().size() - 1),
                    report.lines());
        }
        return rules;
    }

    /** The folder's own name: never its absolute path, which would tell a caller about the machine. */
    private static String originOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return "folder " + (name == null ? "/" : name);
    }

    /** The rules in service now; read it once per request. */
    public Loaded current() {
        return current.get();
    }

    /** The last refused reload, or null if the last load was good. */
    public ReloadError lastError() {
        return lastError.get();
    }

    /** Reloads swapped in so far. */
    public long reloadsApplied() {
        return applied.get();
    }

    /** Reloads refused so far (the rules before them kept serving). */
    public long reloadsRefused() {
        return refused.get();
    }

    /** Advice answered from the advice cache, over every rule base served so far. */
    public long cacheHits() {
        return retiredHits.get() + answerHits.sum() + current.get().advisor().cacheHits();
    }

    /** One advice answered from the service's cache of whole answers: a cache hit too. */
    void countCacheHit() {
        answerHits.increment();
    }

    /** Advice the advice cache did not hold, over every rule base served so far. */
    public long cacheMisses() {
        return retiredMisses.get() + current.get().advisor().cacheMisses();
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
            List<RuleProblem> unsafe = RuleSafety.check(folder);
            if (!unsafe.isEmpty()) {
                return refuse("the changed rules call what a rule may not (end the process, run programs, start threads, "
                        + "file or network I/O, reflection), so they were not loaded: " + unsafe.size() + " problem(s)",
                        unsafe.stream().map(RuleProblem::toString).toList());
            }
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
        Loaded before = current.getAndSet(new Loaded(candidate, clock.instant(), originOf(dir), true));
        retiredHits.addAndGet(before.advisor().cacheHits());
        retiredMisses.addAndGet(before.advisor().cacheMisses());
        applied.incrementAndGet();
        lastError.set(null);
        LOG.info("rules reloaded from {}: version {} (was {}); {}", dir, candidate.rulesVersion(), before.version(),
                report.lines().get(report.lines().size() - 1));
        return true;
    }

    private boolean refuse(String message, List<String> problems) {
        refused.incrementAndGet();
        record(message, problems);
        return false;
    }

    private void record(String message, List<String> problems) {
        if (dir != null) {
            // the answers that show this (/health) never name the machine's folders
            String absolute = dir.toAbsolutePath().toString();
            message = message.replace(absolute, originOf(dir));
            problems = problems.stream().map(p -> p.replace(absolute, originOf(dir))).toList();
        }
        lastError.set(new ReloadError(clock.instant(), message, problems));
        LOG.warn("serving rules version {}, but: {}{}", current.get().version(), message,
                problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
    }
}
