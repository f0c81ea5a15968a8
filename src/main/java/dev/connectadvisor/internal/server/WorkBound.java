package dev.connectadvisor.internal.server;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code slots} evaluations at once, and at most {@code waiting} more waiting for a slot;
 * past that a request is turned away (503 OVERLOADED). A waiting request holds no thread: its
 * evaluation is queued, and the thread that frees a slot runs the next one in line. The lines of a
 * batch, which cannot be turned away once the batch answers, wait for their slot on their own
 * thread, in the same first-come queue. An evaluation that waited longer than the queue timeout
 * is not run late: it is turned away then (503 OVERLOADED), since its caller may have given up.
 */
final class WorkBound {
    private static final Logger LOG = LoggerFactory.getLogger(WorkBound.class);

    private final int slots;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int running;

    /** A queued evaluation, when it was queued, and what to do instead if it waited too long. */
    private record Waiting(Runnable evaluation, Runnable tooLate, long since) {
    }

    WorkBound(int slots, int maxWaiting, java.time.Duration maxWait) {
        this.slots = slots;
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Runs {@code evaluation} now on this thread, or later on the thread that frees a slot; if it
     * would start after waiting longer than the queue timeout, runs {@code tooLate} instead.
     *
     * @return false, without running either, when every slot is busy and the queue is full
     */
    boolean offer(Runnable evaluation, Runnable tooLate) {
        synchronized (this) {
            if (running >= slots) {
                if (queue.size() >= maxWaiting) {
                    return false;
                }
                queue.add(new Waiting(evaluation, tooLate, System.nanoTime()));
                return true;
            }
            running++;
        }
        runThenHandOver(evaluation);
        return true;
    }

    /** Runs {@code evaluation} on this thread once a slot is free, however long the queue (a batch line). */
    <T> T await(Supplier<T> evaluation) {
        CountDownLatch turn = null;
        synchronized (this) {
            if (running < slots) {
                running++;
            } else {
                turn = new CountDownLatch(1);
                queue.add(turn);
            }
        }
        if (turn != null) {
            boolean interrupted = false;
            while (true) {
                try {
                    turn.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the slot is handed to us anyway: take it, then say so
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return evaluation.get();
        } finally {
            handOver();
        }
    }

    private void runThenHandOver(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException | Error e) {
            LOG.error("an evaluation failed outside its request's handling", e);
        } finally {
            handOver();
        }
    }

    /** Frees a slot: to the next in line (a queued evaluation runs here), or back to the pool. */
    private void handOver() {
        while (true) {
            Object next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            if (next instanceof CountDownLatch turn) {
                turn.countDown(); // the slot goes with it
                return;
            }
            Waiting waiting = (Waiting) next;
            try {
                if (System.nanoTime() - waiting.since() > maxWaitNanos) {
                    waiting.tooLate().run(); // cheap: an answer, no evaluation; the slot goes to the next
                } else {
                    waiting.evaluation().run();
                }
            } catch (RuntimeException | Error e) {
                LOG.error("an evaluation failed outside its request's handling", e);
            }
        }
    }

    /** Evaluations running now. */
    synchronized int running() {
        return running;
    }

    /** Evaluations (and batch lines) waiting for a slot now. */
    synchronized int waiting() {
        return queue.size();
    }

    int slots() {
        return slots;
    }

    int maxWaiting() {
        return maxWaiting;
    }
}
