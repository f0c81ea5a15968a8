package dev.connectadvisor.bench;

import dev.connectadvisor.Situation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Writes a JSONL batch of realistic variety to stdout, for the batch measurement in the README:
 * {@code java -cp target/benchmarks.jar dev.connectadvisor.bench.JsonlLoad LINES DISTINCT [SEED]}.
 * Each line is drawn from DISTINCT different situations (a few of them bad lines), hot ones more
 * often than cold ones; the number of distinct lines is reported on stderr.
 * {@code JsonlLoad --mixed LINES [SEED]} writes the mixed batch instead: every line drawn afresh
 * ({@link Workload#mixedLine}), a tenth of them with a unique note, a tenth contradictions.
 */
public final class JsonlLoad {
    private JsonlLoad() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JsonlLoad LINES DISTINCT [SEED] | JsonlLoad --mixed LINES [SEED]");
            System.exit(2);
        }
        if ("--mixed".equals(args[0])) {
            mixed(Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
            return;
        }
        long lines = Long.parseLong(args[0]);
        int distinct = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int bad = Math.min(Workload.BAD_LINES.length, Math.max(1, distinct / 200));
        List<Situation> situations = Workload.situations(distinct - bad, seed, true);
        byte[][] pool = new byte[distinct][];
        for (int i = 0; i < situations.size(); i++) {
            pool[i] = (Workload.json(situations.get(i)) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < bad; i++) {
            pool[situations.size() + i] = (Workload.BAD_LINES[i] + "\n").getBytes(StandardCharsets.UTF_8);
        }
        Random random = new Random(seed + 1);
        boolean[] used = new boolean[distinct];
        int usedCount = 0;
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            for (long n = 0; n < lines; n++) {
                // skewed: half the lines come from the hottest tenth of the situations
                int pick = random.nextBoolean() ? random.nextInt(Math.max(1, distinct / 10)) : random.nextInt(distinct);
                if (!used[pick]) {
                    used[pick] = true;
                    usedCount++;
                }
                out.write(pool[pick]);
            }
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        err.printf("%,d lines, %,d distinct (%,d of them bad lines)%n", lines, usedCount, bad);
    }

    private static void mixed(long lines, long seed) throws IOException {
        Random random = new Random(seed);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            for (long n = 0; n < lines; n++) {
                String line = Workload.mixedLine(random, n);
                distinct.add(line);
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        err.printf("%,d lines, %,d distinct%n", lines, distinct.size());
    }
}
