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
 * thread, in the same first-come queue.
 */
final class WorkBound {
    private static final Logger LOG = LoggerFactory.getLogger(WorkBound.class);

    private final int slots;
    private final int maxWaiting;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int running;

    WorkBound(int slots, int maxWaiting) {
        this.slots = slots;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Runs {@code evaluation} now on this thread, or later on the thread that frees a slot.
     *
     * @return false, without running it, when every slot is busy and the queue is full
     */
    boolean offer(Runnable evaluation) {
        synchronized (this) {
            if (running >= slots) {
                if (queue.size() >= maxWaiting) {
                    return false;
                }
                queue.add(evaluation);
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
            try {
                ((Runnable) next).run();
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
