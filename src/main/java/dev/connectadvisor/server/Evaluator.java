package dev.connectadvisor.server;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one advice with a time limit. The rules cannot loop without end (the engine caps the
 * firings), but a rule's Java code could be slow; a request then gets {@code TIMEOUT} instead of
 * holding its worker. The pool is as large as the HTTP pool, so each worker always has a slot,
 * and bounded, so abandoned slow evaluations cannot pile up: past that the request is refused.
 */
final class Evaluator implements AutoCloseable {
    /** No answer within the time limit. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    /** No slot to evaluate in: too many evaluations are still running. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    Evaluator(int threads, Duration timeout) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads), r -> {
                    Thread t = new Thread(r, "advice-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * @throws TimedOut if no answer came within the limit
     * @throws Busy if there is no free slot
     * @throws dev.connectadvisor.InvalidSituationException, AdviceException as {@link ConnectAdvisor#advise}
     */
    Advice advise(ConnectAdvisor advisor, Situation situation) {
        Future<Advice> future;
        try {
            future = pool.submit(() -> advisor.advise(situation));
        } catch (RejectedExecutionException e) {
            throw new Busy("every evaluation slot is taken; try again shortly");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimedOut("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimedOut("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AdviceException(AdviceException.Kind.RULE_FAILED, null, String.valueOf(e.getCause()), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
