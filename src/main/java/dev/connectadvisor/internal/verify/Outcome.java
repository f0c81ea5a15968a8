package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.internal.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a comparison of two rule sets looks at in one answer: the verdict, {@code actInDays}, the
 * reasons' items (and, to show, the deciding row); or why there was no answer. The impact report,
 * the replay of a decision log and the shadow rules all compare these, and name a change the same way.
 *
 * @param verdict the verdict, or null when the rules gave no advice
 * @param row the deciding policy row, or null when unknown
 * @param failure why there was no advice, or null
 */
public record Outcome(Verdict verdict, Integer actInDays, List<String> reasons, String row, String failure) {
    public Outcome {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Outcome of(Engine.Evaluation e) {
        Advice a = e.advice();
        if (a == null) {
            return failed(e.failure() == null ? "?" : e.failure().kind().toString());
        }
        return of(a, e.decisions().isEmpty() ? null : e.decisions().get(0).row());
    }

    public static Outcome of(Advice a, String row) {
        return new Outcome(a.verdict(), a.actInDays(), a.reasons().stream().map(Entry::item).toList(), row, null);
    }

    public static Outcome failed(String why) {
        return new Outcome(null, null, List.of(), null, why);
    }

    /**
     * How {@code now} differs from {@code before}, or null when they agree on the verdict,
     * {@code actInDays} and the reasons: {@code "WAIT -> CONNECT"}, {@code "WAIT: actInDays +2"},
     * {@code "WAIT: reasons +TIP-9 -TIP-1"}, {@code "no advice -> WAIT"}.
     */
    public static String change(Outcome before, Outcome now) {
        if (before.verdict == null || now.verdict == null) {
            return before.verdict == now.verdict ? null
                    : before.verdict == null ? "no advice -> " + now.verdict : before.verdict + " -> no advice";
        }
        if (before.verdict != now.verdict) {
            return before.verdict + " -> " + now.verdict;
        }
        if (!Objects.equals(before.actInDays, now.actInDays)) {
            if (before.actInDays != null && now.actInDays != null) {
                int delta = now.actInDays - before.actInDays;
                return before.verdict + ": actInDays " + (delta > 0 ? "+" : "") + delta;
            }
            return before.verdict + ": actInDays " + before.actInDays + " -> " + now.actInDays;
        }
        List<String> ra = before.reasons;
        List<String> rb = now.reasons;
        if (!ra.equals(rb)) {
            List<String> diff = new ArrayList<>(rb.stream().filter(i -> !ra.contains(i)).map(i -> "+" + i).toList());
            diff.addAll(ra.stream().filter(i -> !rb.contains(i)).map(i -> "-" + i).toList());
            return before.verdict + ": reasons " + (diff.isEmpty() ? "reordered" : String.join(" ", diff));
        }
        return null;
    }

    /** E.g. {@code B6 WAIT in 7 [TIP-1]}, or {@code no advice (TIMEOUT)}. */
    public String describe() {
        if (verdict == null) {
            return "no advice (" + failure + ")";
        }
        return (row == null ? "" : row + " ") + verdict + (actInDays == null ? "" : " in " + actInDays) + " " + reasons;
    }
}
