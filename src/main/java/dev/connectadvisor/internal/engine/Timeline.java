package dev.connectadvisor.internal.engine;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cold start's time goes, for the start-up measurements (docs/performance.md): with
 * {@code -Dconnectadvisor.timeline=true}, each {@link #mark} records the wall time and the
 * calling thread's CPU time since the one before (the first: since the JVM, or the thread,
 * started), the first time each step ends; and the
 * command prints them on stderr before it exits. Off (the default), a mark costs a field read.
 */
public final class Timeline {
    /** The system property that turns the timeline on. */
    public static final String PROPERTY = "connectadvisor.timeline";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private Timeline() {
    }

    /** The end of a step: what happened since the last mark. */
    public static void mark(String step) {
        if (ON) {
            Marks.add(step);
        }
    }

    /** Prints the steps marked so far, one a line, if the timeline is on. */
    public static void print(PrintStream out) {
        if (ON) {
            Marks.print(out);
        }
    }

    /** Loaded only when the timeline is on: the management classes cost start-up time. */
    private static final class Marks {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final List<String> LINES = new ArrayList<>();
        private static final java.util.Set<String> SEEN = new java.util.HashSet<>();
        private static long lastWall = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        private static final ThreadLocal<long[]> LAST_CPU = ThreadLocal.withInitial(() -> new long[1]);

        static synchronized void add(String step) {
            if (!SEEN.add(step)) {
                return;
            }
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long[] lastCpu = LAST_CPU.get();
            LINES.add(String.format(java.util.Locale.ROOT, "timeline: %-44s %6.1f ms wall %6.1f ms cpu (%s)", step,
                    (wall - lastWall) / 1e6, (cpu - lastCpu[0]) / 1e6, Thread.currentThread().getName()));
            lastWall = wall;
            lastCpu[0] = cpu;
        }

        static synchronized void print(PrintStream out) {
            LINES.forEach(out::println);
        }
    }
}
