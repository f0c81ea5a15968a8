package dev.connectadvisor.internal.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: a rule consequence that waits until the test opens the gate (at most 20 s, so a failed
 * test cannot hold an evaluation for the rest of the build), to hold evaluation slots on purpose.
 * The rule: {@code Situation(interviewerName == "Hold") then Gate.hold();}.
 */
public final class Gate {
    private static volatile CountDownLatch open = new CountDownLatch(1);
    private static final AtomicInteger HELD = new AtomicInteger();

    private Gate() {
    }

    public static void hold() {
        HELD.incrementAndGet();
        try {
            open.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            HELD.decrementAndGet();
        }
    }

    static void close() {
        open = new CountDownLatch(1);
    }

    static void open() {
        open.countDown();
    }

    static int held() {
        return HELD.get();
    }

    /** The rule that holds, for a copy of the rules folder. */
    static final String RULE = """
            package connectadvisor;
            import dev.connectadvisor.Situation;
            import dev.connectadvisor.internal.server.Gate;
            rule "Hold: wait at the test's gate"
                @item("TIP-4")
            when
                Situation(interviewerName == "Hold")
            then
                Gate.hold();
            end
            """;
}
