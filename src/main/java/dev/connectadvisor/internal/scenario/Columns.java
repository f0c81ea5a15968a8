package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.json.Fields;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns a scenario table may have (SCENARIOS.md, "Columns"). */
final class Columns {
    static final String ID = "id";
    static final String DESCRIPTION = "description";
    static final String VERDICT = "verdict";
    static final String ACT_IN_DAYS = "actInDays";
    static final String ACT_ON = "actOn";
    static final String REASONS = "reasons";
    static final String STEPS = "steps";
    static final String BENEFITS = "benefits";
    static final String RISKS = "risks";
    static final String ALTERNATIVES = "alternatives";
    static final String NOTE_FINDINGS = "noteFindings";
    static final String ERROR = "error";

    /** The Situation fields of CONTRACT.md, in the contract's order. */
    static final List<String> SITUATION = Fields.NAMES;

    /** Free-text columns: kept exactly as written (not trimmed); only an empty cell is blank. */
    static final Set<String> TEXT = Set.of("interviewerName", "note", DESCRIPTION);

    /** The expectation columns that an {@code error} row must leave blank. */
    static final List<String> EXPECTATIONS = List.of(
            VERDICT, ACT_IN_DAYS, ACT_ON, REASONS, STEPS, BENEFITS, RISKS, ALTERNATIVES, NOTE_FINDINGS);

    static final Set<String> ALL;

    static {
        Set<String> all = new LinkedHashSet<>();
        all.add(ID);
        all.add(DESCRIPTION);
        all.addAll(SITUATION);
        all.addAll(EXPECTATIONS);
        all.add(ERROR);
        ALL = Set.copyOf(all);
    }

    private Columns() {
    }
}
