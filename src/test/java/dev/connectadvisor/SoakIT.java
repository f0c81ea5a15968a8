package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Soak (issue 6, item 7): a million calls and a hundred rule reloads leave the heap after GC
 * within 5% of the warmed-up baseline, and no session undisposed.
 */
class SoakIT {
    static final int CALLS = 1_000_000;
    static final int RELOADS = 100;
    static final int THREADS = 4;

    @Test
    void aMillionCallsAndAHundredReloads_leaveTheHeapWhereItWas() throws Exception {
        List<Situation> situations = SituationSpace.valid(false);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong calls = new AtomicLong();
        AtomicLong undisposed = new AtomicLong();
        try {
            ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(TestRules.RULES);
            for (int warmUp = 0; warmUp < 5; warmUp++) {
                advisor = reload(advisor, undisposed);
                burst(pool, advisor, situations, 20_000, calls);
            }
            long baseline = heapAfterGc();
            calls.set(0);
            long start = System.nanoTime();

            for (int reload = 0; reload < RELOADS; reload++) {
                burst(pool, advisor, situations, CALLS / RELOADS, calls);
                advisor = reload(advisor, undisposed);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(advisor.engine().kieBase().getKieSessions()).isEmpty();
            long after = heapAfterGc();
            Reference.reachabilityFence(advisor); // one advisor alive in both measurements
            double growth = 100.0 * (after - baseline) / baseline;

            System.out.printf("RELIABILITY soak: %d calls and %d reloads in %d s; heap after GC %.1f MB warmed up,"
                            + " %.1f MB after (%+.2f%%); %d sessions left undisposed%n", calls.get(), RELOADS, seconds,
                    baseline / 1e6, after / 1e6, growth, undisposed.get());
            assertThat(calls.get()).isEqualTo(CALLS);
            assertThat(undisposed.get()).isZero();
            assertThat(growth).as("heap growth in %").isLessThan(5.0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new advisor from the folder; the old one must have no session left. */
    private static ConnectAdvisor reload(ConnectAdvisor old, AtomicLong undisposed) {
        undisposed.addAndGet(old.engine().kieBase().getKieSessions().size());
        return ConnectAdvisor.fromDirectory(TestRules.RULES);
    }

    private static void burst(ExecutorService pool, ConnectAdvisor advisor, List<Situation> situations, int count,
            AtomicLong calls) throws Exception {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * situations.size() / THREADS;
            int share = count / THREADS;
            work.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    advisor.advise(situations.get((offset + i) % situations.size()));
                    calls.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
    }

    /** Heap in use after full collections, once it stops falling. */
    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (i >= 3 && now >= used) {
                return Math.min(used, now);
            }
            used = Math.min(used, now);
        }
        return used;
    }
}
