package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.Advice;
import dev.connectadvisor.InvalidSituationException;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one row: passed, or the mismatches, each {@code expected X, got Y}.
 *
 * @param row the row that ran
 * @param mismatches empty when the row passed
 * @param advice the advice the row got, or null when the situation was rejected (or the rules failed)
 * @param error the rejection the row got, or null when it got advice
 */
public record ScenarioResult(ScenarioRow row, List<String> mismatches, Advice advice, InvalidSituationException error) {

    public ScenarioResult {
        Objects.requireNonNull(row, "row");
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** The rules that fired for this row, in firing order; empty without advice. */
    public List<String> firedRules() {
        return advice == null ? List.of() : advice.firedRules();
    }

    /**
     * One line for people: {@code file:line id: passed}, or
     * {@code file:line id: expected verdict WAIT, got CONNECT; fired: [...]}.
     */
    public String report() {
        String head = row.where() + " " + row.id() + ": ";
        if (passed()) {
            return head + "passed";
        }
        return head + String.join("; ", mismatches) + "; fired: " + firedRules();
    }
}
