package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.NoteCode;
import dev.connectadvisor.Verdict;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A row's expectations of the advice (docs/scenarios.md, "Columns"). Each list asserts only what it
 * names: "must contain" and "must not contain", never "exactly".
 *
 * @param verdict the expected verdict
 * @param actInDays the expected {@code actInDays}; null means the advice's must be null too
 * @param actOn the expected {@code actOn}, or null when the row does not check it
 * @param reasons item IDs that must (or with {@code !}, must not) be among the reasons; the
 *     first present one is the decisive item, which must come first
 * @param steps item IDs for the steps
 * @param benefits item IDs for the benefits
 * @param risks item IDs for the risks
 * @param alternatives item IDs for the alternatives
 * @param noteFindings note codes that must (or must not) be found
 * @param draftNote words that must (or must not) stand in the suggested note, matched whole and
 *     regardless of case; a row that names a word there expects a suggested note
 */
public record ExpectedAdvice(
        Verdict verdict,
        Integer actInDays,
        LocalDate actOn,
        Presence<String> reasons,
        Presence<String> steps,
        Presence<String> benefits,
        Presence<String> risks,
        Presence<String> alternatives,
        Presence<NoteCode> noteFindings,
        Presence<String> draftNote) implements Expectation {

    public ExpectedAdvice {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(benefits, "benefits");
        Objects.requireNonNull(risks, "risks");
        Objects.requireNonNull(alternatives, "alternatives");
        Objects.requireNonNull(noteFindings, "noteFindings");
        Objects.requireNonNull(draftNote, "draftNote");
    }

    /** The item that must come first among the reasons, or null when the row names none. */
    public String decisiveItem() {
        return reasons.present().isEmpty() ? null : reasons.present().get(0);
    }
}
