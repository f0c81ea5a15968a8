package dev.connectadvisor.bench;

import dev.connectadvisor.Situation;

/**
 * The cold-start floor ({@code bench/startup.sh}): one situation in a fresh JVM through Drools
 * alone, {@code java -cp target/benchmarks.jar dev.connectadvisor.bench.BareDroolsCold [DAYS]}.
 * Prints the verdict.
 */
public final class BareDroolsCold {
    private BareDroolsCold() {
    }

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println(BareDrools.verdict(BareDrools.rules(), Situation.builder().daysUntilInterview(days).build()));
    }
}
