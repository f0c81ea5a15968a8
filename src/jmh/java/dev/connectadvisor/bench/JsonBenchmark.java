package dev.connectadvisor.bench;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.SituationJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * One JSONL line as the batch answers it: parsed and validated, advised, written as one Advice
 * JSON line. The lines are the load generator's (notes and dates included, no bad lines).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBenchmark {
    static final int LINES = 256;

    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"true", "false"})
        boolean cache;

        ConnectAdvisor advisor;
        byte[][] lines;

        @Setup(Level.Trial)
        public void load() {
            advisor = ConnectAdvisor.fromClasspath().withCache(cache);
            List<Situation> situations = Workload.situations(LINES, 7, true);
            lines = situations.stream().map(s -> Workload.json(s).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }
    }

    @State(Scope.Thread)
    public static class PerThread {
        int next;
        final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    }

    @Benchmark
    public int lineInAdviceOut(Shared shared, PerThread thread) {
        byte[] line = shared.lines[thread.next++ & (LINES - 1)];
        Situation situation = SituationJson.read(line);
        Advice advice = shared.advisor.advise(situation);
        thread.out.reset();
        AdviceJson.write(advice, situation, thread.out);
        return thread.out.size();
    }
}
