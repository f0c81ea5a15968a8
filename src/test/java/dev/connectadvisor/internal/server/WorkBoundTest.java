package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The evaluation slots, their queue, and the queue timeout, without HTTP. */
class WorkBoundTest {
    @Test
    void pastTheSlotsTheQueueFills_thenOffersAreRefused_andALateOneIsTurnedAwayNotRun() throws Exception {
        WorkBound work = new WorkBound(1, 2, Duration.ofMillis(50));
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> work.offer(() -> {
            holding.countDown();
            await(release);
            done.add("held");
        }, () -> done.add("held too late")));
        holder.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        // Given the one slot busy, two wait and a third is refused
        assertThat(work.offer(() -> done.add("first"), () -> done.add("first too late"))).isTrue();
        assertThat(work.offer(() -> done.add("second"), () -> done.add("second too late"))).isTrue();
        assertThat(work.offer(() -> done.add("third"), () -> done.add("third too late"))).isFalse();
        assertThat(work.running()).isEqualTo(1);
        assertThat(work.waiting()).isEqualTo(2);

        // When the slot frees only after the queue timeout
        Thread.sleep(200);
        release.countDown();
        holder.join(10_000);

        // Then those that waited too long are turned away, in order, and the slot is free again
        assertThat(done).containsExactly("held", "first too late", "second too late");
        assertThat(work.running()).isZero();
        assertThat(work.await(() -> "a batch line")).isEqualTo("a batch line");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
