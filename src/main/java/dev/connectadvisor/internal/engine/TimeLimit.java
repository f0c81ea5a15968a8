package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Situation;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluations with a wall-clock bound. Each call runs on a worker of a small daemon pool while the
 * caller waits at most {@code timeout}; past it, the session is halted, the worker interrupted,
 * and the caller gets {@link AdviceException.Kind#TIMEOUT} naming the rule that was running.
 *
 * <p>A consequence stuck in a Java loop cannot be stopped safely (halt and interrupt are only
 * requests), so its worker is given up for lost: the pool grows by one thread for each worker
 * still stuck, so that other calls keep being answered, up to {@link #MAX_STUCK} stuck workers.
 * A stuck worker that finally ends gives its place back. Beyond that bound no thread is added and
 * calls queue (and time out) until a stuck worker ends. Idle workers end after {@link #KEEP_ALIVE}.
 */
public final class TimeLimit {
    /** Workers for calls in progress: one per core, as evaluation is CPU-bound. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** At most this many workers are given up for lost, and replaced, at once. */
    public static final int MAX_STUCK = 16;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Engine engine;
    private final Duration timeout;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger stuck = new AtomicInteger();

    public TimeLimit(Engine engine, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        this.engine = engine;
        this.timeout = timeout;
        this.pool = new ThreadPoolExecutor(WORKERS, WORKERS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Threads.daemons("connect-advisor-" + POOLS.incrementAndGet() + "-worker-"));
        this.pool.allowCoreThreadTimeOut(true);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Workers now given up for lost (stuck in a consequence past the time limit). */
    public int stuckWorkers() {
        return stuck.get();
    }

    /**
     * @throws AdviceException as {@link Engine#evaluate(Situation)} does, or with kind TIMEOUT
     */
    public Advice evaluate(Situation situation) {
        Engine.Watch watch = new Engine.Watch();
        Task task = new Task(situation, watch);
        Future<Advice> future = pool.submit(task::run);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Threads.unwrap(e);
        } catch (TimeoutException e) {
            throw giveUp(task, future, watch, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw giveUp(task, future, watch, "interrupted while waiting for the answer");
        }
    }

    private AdviceException giveUp(Task task, Future<Advice> future, Engine.Watch watch, String why) {
        watch.halt();
        future.cancel(true);
        task.abandon();
        String rule = watch.rule();
        return new AdviceException(AdviceException.Kind.TIMEOUT, rule,
                why + (rule == null ? "" : "; rule \"" + rule + "\" was running"), null);
    }

    /** One call; if abandoned while still running, its worker counts as stuck until it ends. */
    private final class Task {
        private final Situation situation;
        private final Engine.Watch watch;
        private boolean started;
        private boolean ended;
        private boolean countedStuck;

        Task(Situation situation, Engine.Watch watch) {
            this.situation = situation;
            this.watch = watch;
        }

        Advice run() {
            synchronized (this) {
                if (ended) {
                    return null; // abandoned before it started: nothing to do
                }
                started = true;
            }
            try {
                return engine.evaluate(situation, watch);
            } finally {
                synchronized (this) {
                    ended = true;
                    if (countedStuck) {
                        resize(stuck.decrementAndGet());
                    }
                }
            }
        }

        synchronized void abandon() {
            if (!started) {
                ended = true;
            } else if (!ended && stuck.get() < MAX_STUCK) {
                countedStuck = true;
                resize(stuck.incrementAndGet());
            }
        }
    }

    private synchronized void resize(int stuckNow) {
        int size = WORKERS + Math.min(stuckNow, MAX_STUCK);
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

}
