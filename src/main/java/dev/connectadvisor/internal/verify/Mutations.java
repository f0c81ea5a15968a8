package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Advice;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.scenario.ScenarioResult;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Mutation coverage ({@code verify --mutations}): each rule, and each decision table row (a
 * generated rule of its own), is taken out in turn, and the scenario rows run again. A mutation is
 * noticed when a row that passes on the rules as written fails without that rule; one that no row
 * notices survives, and is a rule whose every effect the tables leave unchecked.
 *
 * <p>Taking a rule out does not recompile anything: the rules are compiled once, and each mutation
 * evaluates on the same rule base with that one rule kept from firing ({@link Engine#without}). A
 * rule changes an answer only through its consequence, so a rule that never fires is a deleted
 * rule as far as any answer can tell; {@code MutationsTest} checks this against rules really
 * removed from a rule base. The mutations run in parallel, one per core, and each stops at the
 * first row that notices it.
 */
final class Mutations {

    /**
     * One rule taken out.
     *
     * @param rule the rule's name
     * @param file the file it is written in, or null if unknown
     * @param row the decision table row it comes from, or null for a DRL rule
     * @param noticedBy the first scenario row that fails without it, or null: the mutation survived
     * @param got how that row failed (its mismatches), or null
     * @param seconds how long the rows took
     */
    record Mutation(String rule, String file, String row, ScenarioRow noticedBy, String got, double seconds) {
        boolean survived() {
            return noticedBy == null;
        }

        /** {@code "Name" (file)} or {@code "Name" (table.drl.csv row 17)}. */
        String describe() {
            return "\"" + rule + "\"" + (file == null ? "" : " (" + file + (row == null ? "" : " row " + row) + ")");
        }

        Testcase testcase() {
            String classname = file == null ? "(rules)" : file;
            String name = row == null ? rule : rule + " (row " + row + ")";
            if (survived()) {
                return Testcase.failed(Testcase.MUTATIONS, classname, name, seconds,
                        "no scenario row notices when " + describe() + " is removed",
                        "Every scenario row that passes with this rule still passes without it: add a row, written"
                                + " from the policy, that asserts what the rule adds.");
            }
            return Testcase.passed(Testcase.MUTATIONS, classname, name, seconds);
        }
    }

    /**
     * Every mutation, in rule name order.
     *
     * @param mutations one per rule
     * @param millis the wall-clock time of the whole run
     */
    record Report(List<Mutation> mutations, long millis) {
        List<Mutation> survivors() {
            return mutations.stream().filter(Mutation::survived).toList();
        }
    }

    private Mutations() {
    }

    /**
     * Runs every mutation of {@code engine}'s rules over the rows that {@code base} (the same rows
     * on the rules as written) passed.
     */
    static Report run(Engine engine, RuleOrigins origins, ScenarioRun base) {
        List<ScenarioRow> passing = base.results().stream().filter(ScenarioResult::passed).map(ScenarioResult::row)
                .toList();
        long start = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "connect-advisor-mutations");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Mutation>> futures = new ArrayList<>();
            for (RuleInfo rule : engine.rules()) {
                futures.add(pool.submit(() -> mutate(engine, rule.name(), origins, passing)));
            }
            List<Mutation> mutations = new ArrayList<>();
            for (Future<Mutation> future : futures) {
                mutations.add(future.get());
            }
            return new Report(mutations, (System.nanoTime() - start) / 1_000_000);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the mutations", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Mutation mutate(Engine engine, String rule, RuleOrigins origins, List<ScenarioRow> rows) {
        long start = System.nanoTime();
        // No cache: every row is a different situation. No time limit: the rows passed within it on
        // the rules as written, and rules that re-trigger each other stop at the engine's bound on
        // firings (a failure, so a noticed mutation).
        Function<Situation, Advice> mutant = Advisor.of(engine.without(rule)).withCache(false)::advise;
        ScenarioRow noticedBy = null;
        String got = null;
        for (ScenarioRow row : rows) {
            ScenarioResult result = row.run(mutant);
            if (!result.passed()) {
                noticedBy = row;
                got = String.join("; ", result.mismatches());
                break;
            }
        }
        return new Mutation(rule, origins.file(rule), origins.row(rule), noticedBy, got,
                (System.nanoTime() - start) / 1e9);
    }
}
