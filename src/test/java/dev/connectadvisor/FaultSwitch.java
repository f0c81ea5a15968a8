package dev.connectadvisor;

import java.util.concurrent.atomic.AtomicInteger;

/** Test-only switch for the spinning fault rule (src/test/resources/faulty-rules/spinning). */
public final class FaultSwitch {
    private static volatile boolean released;
    private static final AtomicInteger ENTERED = new AtomicInteger();
    private static final AtomicInteger LEFT = new AtomicInteger();

    private FaultSwitch() {
    }

    public static void entered() {
        ENTERED.incrementAndGet();
    }

    public static boolean released() {
        return released;
    }

    public static void left() {
        LEFT.incrementAndGet();
    }

    static void arm() {
        released = false;
    }

    static void release() {
        released = true;
    }

    static int spinning() {
        return ENTERED.get() - LEFT.get();
    }
}
