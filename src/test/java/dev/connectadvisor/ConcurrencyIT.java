package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * One advisor shared by more threads than cores, a million calls per way of loading the rules,
 * every answer compared with the single-threaded answer for the same situation (issue 6, item 2).
 * The cache is off (there is none yet).
 */
class ConcurrencyIT {
    static final int THREADS = 8;
    static final int CALLS = 1_000_000;

    private static List<Situation> situations;
    private static List<Advice> expected;

    /**
     * The ways of building an advisor, without the advice cache (so that every call runs the rules
     * on a pooled session), and once with it.
     */
    static Stream<Arguments> advisors() {
        return Stream.of(
                Arguments.of("built-in rules, precompiled", (Supplier<ConnectAdvisor>)
                        () -> ConnectAdvisor.fromClasspath().withCache(false)),
                Arguments.of("built-in rules, precompiled, advice cache on",
                        (Supplier<ConnectAdvisor>) ConnectAdvisor::fromClasspath),
                Arguments.of("rules folder, constraint JIT by default (threshold 20)",
                        (Supplier<ConnectAdvisor>) () -> ConnectAdvisor.fromDirectory(TestRules.RULES).withCache(false)),
                Arguments.of("rules folder, constraint JIT forced from the first evaluation (threshold 0)",
                        (Supplier<ConnectAdvisor>) () -> ConnectAdvisor.of(Engine.compile(RuleFolder.read(TestRules.RULES),
                                List.of(ConstraintJittingThresholdOption.get(0)))).withCache(false)));
    }

    @BeforeAll
    static void situations() {
        situations = SituationSpace.valid(false);
    }

    /**
     * The expected answers, from a separate advisor of the same kind, one call at a time, before
     * any thread starts: the precompiled and the run-time compiled rules may order ties in
     * firedRules differently (docs/policy.md), so each way is its own oracle.
     */
    private static List<Advice> singleThreadedAnswers(Supplier<ConnectAdvisor> factory) {
        ConnectAdvisor oracle = factory.get().withCache(false);
        return situations.stream().map(oracle::advise).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("advisors")
    void aMillionConcurrentCalls_giveTheSingleThreadedAnswers(String way, Supplier<ConnectAdvisor> factory)
            throws InterruptedException {
        expected = singleThreadedAnswers(factory);
        ConnectAdvisor advisor = factory.get();
        int n = situations.size();
        AtomicLong calls = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong exceptions = new AtomicLong();
        AtomicReference<String> first = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = (int) ((long) t * n / THREADS);
            int share = CALLS / THREADS + (t < CALLS % THREADS ? 1 : 0);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < share; i++) {
                        int index = (offset + i) % n;
                        try {
                            Advice actual = advisor.advise(situations.get(index));
                            if (!actual.equals(expected.get(index))) {
                                mismatches.incrementAndGet();
                                first.compareAndSet(null, "mismatch for " + situations.get(index) + ": expected "
                                        + expected.get(index) + ", got " + actual);
                            }
                        } catch (RuntimeException | Error e) {
                            exceptions.incrementAndGet();
                            first.compareAndSet(null, "exception for " + situations.get(index) + ": " + e);
                        }
                        calls.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "advise-" + t);
            thread.start();
            threads.add(thread);
        }

        long begin = System.nanoTime();
        start.countDown();
        boolean finished = done.await(10, TimeUnit.MINUTES);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        threads.forEach(Thread::interrupt);

        System.out.printf("RELIABILITY concurrency [%s]: %d threads on %d cores, %d calls over %d situations, "
                        + "%d mismatches, %d exceptions, %d ms (%d calls/s)%n", way, THREADS,
                Runtime.getRuntime().availableProcessors(), calls.get(), n, mismatches.get(), exceptions.get(), millis,
                calls.get() * 1000 / Math.max(1, millis));
        assertThat(finished).as("all threads finished").isTrue();
        assertThat(first.get()).as("first failure").isNull();
        assertThat(calls.get()).isEqualTo(CALLS);
        assertThat(mismatches.get()).isZero();
        assertThat(exceptions.get()).isZero();
        assertThat(advisor.engine().kieBase().getKieSessions()).as("sessions left undisposed, besides the idle pooled ones")
                .hasSize(advisor.engine().pooledSessions());
    }
}
