package dev.connectadvisor.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a long batch on stderr: lines done and lines per second, at most once a
 * second. On a terminal the line is rewritten in place; elsewhere ({@code --progress} into a file)
 * each report is a line of its own.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long lastReport;
    private long lines;

    Progress(PrintStream err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    Progress(PrintStream err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastReport = start;
    }

    /** True when this process's stderr is a terminal (Linux: /proc/self/fd/2 names a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception unknown) {
            return false;
        }
    }

    void add(int done) {
        lines += done;
        long now = clock.getAsLong();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            report(now, false);
        }
    }

    void finish() {
        report(clock.getAsLong(), true);
    }

    long lines() {
        return lines;
    }

    private void report(long now, boolean last) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String text = String.format(Locale.ROOT, "%,d lines, %,.0f lines/s, %.1f s", lines, lines / seconds, seconds);
        if (terminal) {
            err.print("\r" + text + (last ? "\n" : ""));
        } else {
            err.println(text);
        }
        err.flush();
    }
}
