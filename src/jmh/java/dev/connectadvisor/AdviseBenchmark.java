package dev.connectadvisor;

import dev.connectadvisor.bench.Workload;
import dev.connectadvisor.reference.ReferencePolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision, four ways, on the same 256 situations (no draft notes, so that every way inserts
 * the same one fact): the facade with and without its cache, a bare StatelessKieSession on the
 * facade's own KieBase (what the facade adds), and the policy in plain Java (the limit).
 * In the facade's package, to reach its KieBase without widening the public API.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdviseBenchmark {
    static final int SITUATIONS = 256;

    /** The rule base and the advisors, shared by every thread as a service shares them. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** The built-in rules precompiled at build time (the jar's way), or compiled from DRL now ({@code --rules rules}). */
        @Param({"precompiled", "drl"})
        String rules;

        ConnectAdvisor uncached;
        ConnectAdvisor cached;
        KieBase kieBase;
        Situation[] situations;

        @Setup(Level.Trial)
        public void load() {
            ConnectAdvisor advisor = "drl".equals(rules) ? ConnectAdvisor.fromDirectory(Path.of("rules"))
                    : ConnectAdvisor.fromClasspath();
            uncached = advisor.withCache(false);
            cached = advisor.withCache(true);
            kieBase = advisor.engine().kieBase(); // the facade's own KieBase
            // resolved (a day count set), as the bare session and the plain Java policy need them
            situations = Workload.situations(SITUATIONS, 42, false).stream()
                    .map(s -> s.resolve(LocalDate.of(2026, 11, 1))).toArray(Situation[]::new);
            for (Situation s : situations) {
                cached.advise(s); // every situation in the cache before measuring
            }
        }
    }

    /** Per thread: the next situation, and a StatelessKieSession (created once, as a caller would). */
    @State(Scope.Thread)
    public static class PerThread {
        int next;
        StatelessKieSession stateless;

        @Setup(Level.Trial)
        public void open(Shared shared) {
            stateless = shared.kieBase.newStatelessKieSession();
        }

        Situation situation(Shared shared) {
            return shared.situations[next++ & (SITUATIONS - 1)];
        }
    }

    @Benchmark
    public Advice facadeUncached(Shared shared, PerThread thread) {
        return shared.uncached.advise(thread.situation(shared));
    }

    @Benchmark
    public Advice facadeCached(Shared shared, PerThread thread) {
        return shared.cached.advise(thread.situation(shared));
    }

    /** Inserts the situation and fires every rule, as the facade does, but gathers nothing. */
    @Benchmark
    public Situation bareStatelessSession(Shared shared, PerThread thread) {
        Situation situation = thread.situation(shared);
        thread.stateless.execute(List.of(situation));
        return situation;
    }

    @Benchmark
    public ReferencePolicy.Answer plainJava(Shared shared, PerThread thread) {
        return ReferencePolicy.decide(thread.situation(shared));
    }
}
