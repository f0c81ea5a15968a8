package dev.connectadvisor.internal.decisionlog;

import dev.connectadvisor.DecisionListener;
import dev.connectadvisor.DecisionRecord;
import dev.connectadvisor.internal.json.DecisionJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --decision-log FILE}: one JSON line per decision ({@link DecisionJson}), off the
 * answer's path. A decision is handed to a bounded queue (a reference, no JSON yet); one daemon
 * thread turns the queued decisions into lines, writes them in batches and flushes whenever the
 * queue runs dry (within {@value #PAUSE_MS} ms of a decision). No line is dropped: when the writer is {@value #CAPACITY} lines behind, the
 * answering thread waits for room (counted in {@link #waits()}) rather than lose a line.
 * {@link #close()} writes every queued line and flushes before it returns, so a stop on SIGTERM
 * loses none; a line is written whole before any rotation, so none is torn.
 */
public final class DecisionLog implements DecisionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_FILES = 5;
    static final int CAPACITY = 16_384;
    private static final long PAUSE_MS = 10;

    private final Path path;
    private final boolean personal;
    private final RotatingFile file;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Object end = new Object();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * Opens (appends to) the log and starts its writer.
     *
     * @param personal keep the personal text (interviewerName, note, yourName, topic) in the lines
     * @throws IOException if the file cannot be opened
     */
    public DecisionLog(Path path, long maxBytes, int files, boolean personal) throws IOException {
        this.path = path;
        this.personal = personal;
        this.file = new RotatingFile(path, maxBytes, files);
        this.writer = new Thread(this::drain, "decision-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void decided(DecisionRecord decision) {
        if (closed) {
            failed.incrementAndGet();
            LOG.warn("a decision after the log was closed was not written: request {}", decision.requestId());
            return;
        }
        if (!queue.offer(decision)) {
            waits.incrementAndGet();
            try {
                queue.put(decision);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.incrementAndGet();
            }
        }
    }

    /**
     * Writes the queued lines in batches; when the queue is empty it flushes and sleeps
     * {@value #PAUSE_MS} ms: the writer never waits on the queue, so queueing a decision wakes no thread.
     */
    private void drain() {
        List<Object> batch = new ArrayList<>(1024);
        boolean unflushed = false;
        try {
            while (true) {
                queue.drainTo(batch, 1024);
                if (batch.isEmpty()) {
                    if (unflushed) {
                        flush();
                        unflushed = false;
                    }
                    Thread.sleep(PAUSE_MS);
                    continue;
                }
                for (Object item : batch) {
                    if (item == end) {
                        flush();
                        return;
                    }
                    write((DecisionRecord) item);
                }
                batch.clear();
                unflushed = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                LOG.error("closing the decision log {}: {}", path, e.toString());
            }
        }
    }

    private void write(DecisionRecord decision) {
        try {
            file.write((DecisionJson.toJson(decision, personal) + "\n").getBytes(StandardCharsets.UTF_8));
            written.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            if (failed.getAndIncrement() == 0) {
                LOG.error("the decision log {} cannot be written: {}", path, e.toString());
            }
        }
    }

    private void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            LOG.error("the decision log {} cannot be flushed: {}", path, e.toString());
        }
    }

    /** Lines written so far. */
    public long written() {
        return written.get();
    }

    /** Lines that could not be written (a full disk, an unwritable file). */
    public long failed() {
        return failed.get();
    }

    /** Times an answer waited for room in the queue because the writer was behind. */
    public long waits() {
        return waits.get();
    }

    /** Writes every queued line, flushes, and closes the file (waits up to 60 s for a slow disk). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (queue.offer(end, 60, TimeUnit.SECONDS)) {
                writer.join(60_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.error("the decision log {} did not finish writing within 60 s", path);
        }
    }
}
