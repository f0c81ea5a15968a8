package dev.connectadvisor;

import dev.connectadvisor.facts.Note;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision the rules made, as a {@link DecisionListener} receives it and as
 * {@code serve --decision-log FILE} writes it (one JSON line each): what was asked, what the rules
 * saw, what they answered and how long it took. Immutable.
 *
 * @param time when the answer was ready
 * @param requestId the request's id: the service's {@code X-Request-Id}, or a random one for a Java call
 * @param rulesVersion the version of the rules that answered
 * @param situation the situation as the rules saw it: the day count, no dates; its personal text
 *     ({@code interviewerName}, {@code note}, {@code yourName}, {@code topic}) as given
 * @param note what the rules read from the note (its length and the facts the note checks use), or null without a note
 * @param verdict the verdict
 * @param actInDays in how many days to act, or null
 * @param decidingRow the policy row that decided the verdict (e.g. {@code B6}), or "none"
 * @param reasons the guide items of the reasons, in order
 * @param noteFindings the codes of the note findings, in order
 * @param firedRules the rules that fired, in firing order
 * @param millis the milliseconds the decision took
 */
public record DecisionRecord(Instant time, String requestId, String rulesVersion, Situation situation, Note note,
        Verdict verdict, Integer actInDays, String decidingRow, List<String> reasons, List<NoteCode> noteFindings,
        List<String> firedRules, double millis) {
    public DecisionRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidingRow, "decidingRow");
        reasons = List.copyOf(reasons);
        noteFindings = List.copyOf(noteFindings);
        firedRules = List.copyOf(firedRules);
    }
}
