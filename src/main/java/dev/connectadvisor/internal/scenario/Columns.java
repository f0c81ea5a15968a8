package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns a scenario table may have (docs/scenarios.md, "Columns"). */
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
    static final String DRAFT_NOTE = "draftNote";
    static final String ERROR = "error";

    /** The expectation columns that an {@code error} row must leave blank. */
    static final List<String> EXPECTATIONS = List.of(
            VERDICT, ACT_IN_DAYS, ACT_ON, REASONS, STEPS, BENEFITS, RISKS, ALTERNATIVES, NOTE_FINDINGS, DRAFT_NOTE);

    /** The columns of the declared Situation fields. */
    static final Columns DECLARED = new Columns(SituationFields.ALL);

    /** The Situation fields, in the contract's order: one column each. */
    final List<String> situation;
    /** Free-text columns (the text fields and the description): kept exactly as written (not trimmed); only an empty cell is blank. */
    final Set<String> text;
    /** Every column a table may have. */
    final Set<String> all;

    /** The columns of a table whose Situation has these fields. */
    Columns(List<Field> fields) {
        situation = fields.stream().map(Field::name).toList();
        Set<String> free = new LinkedHashSet<>();
        fields.stream().filter(f -> f.type() == Field.Type.STRING).forEach(f -> free.add(f.name()));
        free.add(DESCRIPTION);
        text = Set.copyOf(free);
        Set<String> every = new LinkedHashSet<>();
        every.add(ID);
        every.add(DESCRIPTION);
        every.addAll(situation);
        every.addAll(EXPECTATIONS);
        every.add(ERROR);
        all = Set.copyOf(every);
    }
}
