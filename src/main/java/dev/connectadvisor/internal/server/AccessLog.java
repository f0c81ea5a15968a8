package dev.connectadvisor.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request, written off the request's thread: a request hands its line to
 * a bounded queue, and one daemon thread writes the lines to the slf4j logger
 * {@value #LOGGER} (INFO). A log that cannot keep up (a slow disk) never slows the answers: past
 * {@value #CAPACITY} lines waiting, lines are dropped and counted
 * ({@code connectadvisor_access_log_dropped_total}).
 */
final class AccessLog implements AutoCloseable {
    static final String LOGGER = "dev.connectadvisor.internal.server.access";
    static final int CAPACITY = 16_384;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String END = new String("end of the log");
    private static final long PAUSE_MS = 20;

    private final Consumer<String> sink;
    private final boolean enabled;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    /** @param sink where lines go instead of the logger (tests), or null */
    AccessLog(Consumer<String> sink) {
        this.sink = sink == null ? LOG::info : sink;
        this.enabled = sink != null || LOG.isInfoEnabled();
        this.writer = new Thread(this::drain, "access-log");
        this.writer.setDaemon(true);
        if (enabled) {
            writer.start();
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Queues a line; drops it (counted) when the writer is too far behind. */
    void log(String line) {
        if (enabled && !queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Writes the lines in batches every {@value #PAUSE_MS} ms: the writer never waits on the
     * queue, so a request that queues a line wakes no thread.
     */
    private void drain() {
        List<String> lines = new ArrayList<>(1024);
        try {
            while (true) {
                queue.drainTo(lines, 1024);
                if (lines.isEmpty()) {
                    Thread.sleep(PAUSE_MS);
                    continue;
                }
                for (String line : lines) {
                    if (line == END) {
                        return;
                    }
                    sink.accept(line);
                }
                lines.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (up to 2 s), then stops the writer. */
    @Override
    public void close() {
        if (!enabled) {
            return;
        }
        try {
            if (queue.offer(END, 2, TimeUnit.SECONDS)) {
                writer.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
