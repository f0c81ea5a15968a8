package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.Threads;
import dev.connectadvisor.internal.policy.Held;
import dev.connectadvisor.internal.situation.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The walk over every situation of the {@link SituationSpace}, for the exhaustive check and the
 * impact against a baseline: situations evaluated in parallel chunks, checked in walk order (so
 * the examples are the first in walk order), within a time limit.
 */
final class Walk {
    /** Situations evaluated in parallel at a time. */
    private static final int CHUNK = 4096;

    /** One situation of the walk: its evaluation, the table cells that hold, the baseline's evaluation. */
    private record Walked(Engine.Evaluation now, Set<Held> held, Engine.Evaluation before) {
    }

    private Walk() {
    }

    /**
     * Walks the space of {@code fields}, feeding {@code exhaustive} and {@code impact} (either may be
     * null); null if the walk did not finish within {@code limit} (a consequence stuck in a Java loop
     * cannot be stopped, but it cannot hang verify either: its threads are left to die with the JVM).
     */
    static SituationSpace.Counts run(Engine engine, Exhaustive exhaustive, Impact impact, List<Field> fields,
            Duration limit) {
        List<Situation> chunk = new ArrayList<>(CHUNK);
        Runnable flush = () -> {
            List<Walked> evaluations = chunk.parallelStream().map(s -> {
                Engine.Evaluation now = engine.trace(s);
                return new Walked(now, exhaustive == null ? null : exhaustive.diagnose(s, now),
                        impact == null ? null : impact.before(s));
            }).toList();
            for (int i = 0; i < chunk.size(); i++) {
                Walked walked = evaluations.get(i);
                if (exhaustive != null) {
                    exhaustive.check(chunk.get(i), walked.now(), walked.held());
                }
                if (impact != null) {
                    impact.compare(chunk.get(i), walked.before(), walked.now());
                }
            }
            chunk.clear();
        };
        return within(limit, () -> {
            SituationSpace.Counts walked = SituationSpace.walk(fields, s -> {
                chunk.add(s);
                if (chunk.size() == CHUNK) {
                    flush.run();
                }
            }, rejected -> { });
            flush.run();
            return walked;
        });
    }

    private static SituationSpace.Counts within(Duration limit, Callable<SituationSpace.Counts> walk) {
        ExecutorService walker = Executors.newSingleThreadExecutor(Threads.daemons("verify-walk-"));
        try {
            return walker.submit(walk).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw Threads.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while walking every situation", e);
        } finally {
            walker.shutdownNow();
        }
    }
}
