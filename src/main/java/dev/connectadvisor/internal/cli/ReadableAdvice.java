package dev.connectadvisor.internal.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Plan;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The advice as a job seeker reads it: the verdict and when, why, what to do, what it gives, what
 * to watch, what else to do, the note's checks and the note to send, with a line that explains
 * the item tags. Each guide item is shown once, where it first comes up; the JSON keeps the
 * policy's lists as they are. The sentences around the advice come from the rules' texts.
 */
final class ReadableAdvice {
    private ReadableAdvice() {
    }

    /** @param text the rules' text of an id (texts.csv), e.g. {@code LEGEND} */
    static String render(Advice a, Situation situation, UnaryOperator<String> text) {
        StringBuilder b = new StringBuilder();
        b.append(headline(a, true)).append('\n');
        b.append(a.summary()).append('\n');
        body(b, a, situation.note() != null, text);
        b.append('\n').append(text.apply("LEGEND"));
        return b.toString().stripTrailing();
    }

    /** A plan: each step's day, verdict and summary, the note to send on the days that act, and the assumptions. */
    static String render(Plan plan, UnaryOperator<String> text) {
        StringBuilder b = new StringBuilder("Plan: " + plan.steps().size() + (plan.steps().size() == 1 ? " step" : " steps")
                + "\n");
        for (Plan.Step step : plan.steps()) {
            String day = step.inDays() == 0 ? "Today" : "In " + step.inDays() + (step.inDays() == 1 ? " day" : " days");
            b.append('\n').append(day).append(step.date() == null ? "" : " (" + step.date() + ")").append(": ")
                    .append(headline(step.advice(), false)).append('\n');
            b.append("  ").append(step.advice().summary()).append('\n');
            Entry decisive = step.advice().reasons().isEmpty() ? null : step.advice().reasons().get(0);
            if (decisive != null) {
                b.append("  Why: ").append(decisive.text()).append(" [").append(decisive.item()).append("]\n");
            }
            if (step.advice().draftNote() != null) {
                b.append("  A note to send: ").append(step.advice().draftNote()).append('\n');
            }
        }
        b.append("\nThe plan assumes:\n");
        plan.assumptions().forEach(a -> b.append("  - ").append(a).append('\n'));
        b.append('\n').append(text.apply("LEGEND"));
        return b.toString().stripTrailing();
    }

    private static void body(StringBuilder b, Advice a, boolean noteGiven, UnaryOperator<String> text) {
        Set<String> shown = new HashSet<>();
        section(b, "Why", a.reasons(), false, shown);
        section(b, "Steps", a.steps(), true, shown);
        section(b, "What it gives you", a.benefits(), false, shown);
        section(b, "Risks", a.risks(), false, shown);
        boolean sends = sends(a.verdict());
        section(b, sends ? "Other options" : "Instead", a.alternatives(), false, shown);
        if (noteGiven) {
            b.append("\nYour note:\n");
            if (a.verdict() == Verdict.LET_THEM_INITIATE || a.verdict() == Verdict.DONT_CONNECT) {
                b.append("  - ").append(text.apply("NOTE_NOT_CHECKED")).append('\n');
            } else if (a.noteFindings().isEmpty()) {
                b.append("  - It passes every check.\n");
            } else {
                for (NoteFinding f : a.noteFindings()) {
                    b.append("  - ").append(f.text()).append(" [").append(f.item()).append("]\n");
                }
            }
        }
        if (a.draftNote() != null) {
            b.append("\nA note to send:\n  ").append(a.draftNote()).append('\n');
        }
    }

    /** True for a verdict that sends something, now or later. */
    private static boolean sends(Verdict verdict) {
        return verdict == Verdict.CONNECT || verdict == Verdict.FOLLOW_UP || verdict == Verdict.WAIT;
    }

    /** The verdict and when; a plan's step has its day already, so it says neither "today" nor the date. */
    private static String headline(Advice a, boolean today) {
        String on = a.actOn() == null || !today && a.actInDays() == 0 ? "" : " (on " + a.actOn() + ")";
        String now = today ? " today" : "";
        return switch (a.verdict()) {
            case CONNECT -> "CONNECT" + now + on + ": send a connection request";
            case FOLLOW_UP -> "FOLLOW UP" + now + on + ": send one message";
            case WAIT -> "WAIT: act in " + a.actInDays() + (a.actInDays() == 1 ? " day" : " days") + on;
            case LET_THEM_INITIATE -> "LET THEM INITIATE: don't send a request";
            case DONT_CONNECT -> "DON'T CONNECT";
        };
    }

    /** A section of the entries not shown above; none when all were. */
    private static void section(StringBuilder b, String title, List<Entry> entries, boolean numbered, Set<String> shown) {
        List<Entry> fresh = entries.stream().filter(e -> !shown.contains(e.item())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        int n = 1;
        for (Entry e : fresh) {
            shown.add(e.item());
            b.append(numbered ? "  " + n++ + ". " : "  - ").append(e.text()).append(" [").append(e.item()).append("]\n");
        }
    }
}
