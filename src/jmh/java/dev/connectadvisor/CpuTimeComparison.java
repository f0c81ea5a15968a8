package dev.connectadvisor;

import dev.connectadvisor.bench.Workload;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.SituationJson;
import dev.connectadvisor.reference.ReferencePolicy;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The JMH comparisons again, timed in this thread's CPU time rather than wall time, and
 * interleaved: every round runs each way for a short slice, so that a burst of load from other
 * processes falls on all of them alike. On a machine shared with other builds this gives ratios
 * (and per-core rates) that wall-clock throughput cannot.
 * {@code java -cp target/benchmarks.jar dev.connectadvisor.CpuTimeComparison [ROUNDS]}, from the
 * repository root (the DRL contender compiles {@code rules/}).
 */
public final class CpuTimeComparison {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = 100_000_000L;

    private CpuTimeComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
        ConnectAdvisor uncached = advisor.withCache(false);
        ConnectAdvisor cached = advisor.withCache(true);
        StatelessKieSession stateless = advisor.engine().kieBase().newStatelessKieSession();
        Situation[] situations = Workload.situations(256, 42, false).stream()
                .map(s -> s.resolve(LocalDate.of(2026, 11, 1))).toArray(Situation[]::new);
        byte[][] lines = Workload.situations(256, 7, true).stream()
                .map(s -> Workload.json(s).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        ConnectAdvisor drlUncached = ConnectAdvisor.fromDirectory(java.nio.file.Path.of("rules")).withCache(false);
        ConnectAdvisor jsonUncached = ConnectAdvisor.fromClasspath().withCache(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        Object[] sink = new Object[1];

        Map<String, IntConsumer> ways = new LinkedHashMap<>();
        ways.put("facade advise(), uncached", i -> sink[0] = uncached.advise(situations[i & 255]));
        ways.put("facade advise(), uncached, DRL rules", i -> sink[0] = drlUncached.advise(situations[i & 255]));
        ways.put("bare StatelessKieSession.execute", i -> stateless.execute(List.of(situations[i & 255])));
        ways.put("facade advise(), cached", i -> sink[0] = cached.advise(situations[i & 255]));
        ways.put("plain Java (ReferencePolicy)", i -> sink[0] = ReferencePolicy.decide(situations[i & 255]));
        ways.put("JSON line in, advice out, uncached", i -> {
            Situation s = SituationJson.read(lines[i & 255]);
            out.reset();
            AdviceJson.write(jsonUncached.advise(s), s, out);
        });
        for (Situation s : situations) {
            cached.advise(s);
        }

        Map<String, long[]> totals = new LinkedHashMap<>(); // {ops, cpu nanos}
        ways.keySet().forEach(k -> totals.put(k, new long[2]));
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (Map.Entry<String, IntConsumer> way : ways.entrySet()) {
                long[] slice = slice(way.getValue());
                if (round >= 0) {
                    totals.get(way.getKey())[0] += slice[0];
                    totals.get(way.getKey())[1] += slice[1];
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d ms per way, CPU time of one thread%n", rounds, SLICE_NANOS / 1_000_000);
        Map<String, Double> rates = new LinkedHashMap<>();
        totals.forEach((way, t) -> rates.put(way, t[0] * 1e9 / t[1]));
        rates.forEach((way, rate) -> System.out.printf(Locale.ROOT, "%-38s %,14.0f per CPU-second (%,.2f µs each)%n",
                way, rate, 1e6 / rate));
        double facade = rates.get("facade advise(), uncached");
        double bare = rates.get("bare StatelessKieSession.execute");
        System.out.printf(Locale.ROOT, "facade uncached / bare session: %.2f; precompiled / DRL rules: %.2f; cached / uncached: %.0fx;"
                + " plain Java / facade uncached: %.0fx%n", facade / bare, facade / rates.get("facade advise(), uncached, DRL rules"), rates.get("facade advise(), cached") / facade, rates.get("plain Java (ReferencePolicy)") / facade);
        if (sink[0] == null) {
            System.out.println(Arrays.toString(new ArrayList<>().toArray()));
        }
    }

    /** Runs one way for a slice of CPU time; returns {operations, CPU nanos}. */
    private static long[] slice(IntConsumer way) {
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long elapsed;
        int i = 0;
        do {
            for (int k = 0; k < 64; k++) {
                way.accept(i++);
            }
            ops += 64;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < SLICE_NANOS);
        return new long[] {ops, elapsed};
    }
}
