package dev.connectadvisor;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one {@link Situation}: immutable, and the same for the same input on every call.
 *
 * @param verdict what to do next
 * @param actInDays in how many days to act: 0 for CONNECT and FOLLOW_UP, the wait for WAIT,
 *     null for LET_THEM_INITIATE and DONT_CONNECT
 * @param actOn the date to act on; null unless the situation gave an interview date and
 *     {@code actInDays} is not null
 * @param phase before, on the day of, or after the interview
 * @param summary one plain sentence
 * @param reasons why: the decisive guide item first
 * @param steps what to do, in order
 * @param benefits what connecting gives you
 * @param risks what could go wrong
 * @param alternatives what to do instead
 * @param noteFindings problems found in the draft note
 * @param draftNote a note to send as it stands, for CONNECT and FOLLOW_UP; null for the other verdicts
 * @param firedRules the names of the rules that fired, in firing order
 * @param rulesVersion a short hash of the rule sources that gave this advice
 */
public record Advice(
        Verdict verdict,
        Integer actInDays,
        LocalDate actOn,
        Phase phase,
        String summary,
        List<Entry> reasons,
        List<Entry> steps,
        List<Entry> benefits,
        List<Entry> risks,
        List<Entry> alternatives,
        List<NoteFinding> noteFindings,
        String draftNote,
        List<String> firedRules,
        String rulesVersion) {

    public Advice {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        reasons = List.copyOf(reasons);
        steps = List.copyOf(steps);
        benefits = List.copyOf(benefits);
        risks = List.copyOf(risks);
        alternatives = List.copyOf(alternatives);
        noteFindings = List.copyOf(noteFindings);
        firedRules = List.copyOf(firedRules);
    }

    /** The decisive guide item: the first reason. */
    public String decisiveItem() {
        return reasons.isEmpty() ? null : reasons.get(0).item();
    }
}
