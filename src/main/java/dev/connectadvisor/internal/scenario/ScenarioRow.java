package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.situation.SituationFields;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Situation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One well-formed row of a scenario table: a situation, given as its cells, and what the
 * advice (or the error) must be.
 *
 * <pre>{@code
 * ScenarioResult result = row.run(advisor::advise);
 * result.report();   // "scenarios/before.csv:7 B9-too-early-10d: passed"
 * }</pre>
 *
 * @param file the table's file name
 * @param line the 1-based physical line the row starts on
 * @param id the row's id, unique across all tables
 * @param description the free text for people, or null
 * @param given the non-blank Situation cells by field name, in the contract's order, as written
 * @param expected what the row expects
 */
public record ScenarioRow(String file, int line, String id, String description, Map<String, String> given,
        Expectation expected) {

    public ScenarioRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /**
     * The situation of this row: blank cells take their defaults.
     *
     * @throws dev.connectadvisor.InvalidSituationException {@code INVALID_VALUE} for a cell that
     *     is not a strict boolean, integer, ISO date or enum value; and whatever the
     *     {@link Situation} constructor rejects ({@code MISSING_FIELD}, {@code CONFLICT}, ...)
     */
    public Situation situation() {
        return SituationFields.situation(given);
    }

    /** Runs the row against an advisor and compares; a rejected situation or a rules failure is an outcome, never thrown. */
    public ScenarioResult run(Function<Situation, Advice> advisor) {
        return Checker.check(this, advisor);
    }

    /** {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }

    /** {@code file: id}, the row's test name. */
    public String name() {
        return file + ": " + id;
    }
}
