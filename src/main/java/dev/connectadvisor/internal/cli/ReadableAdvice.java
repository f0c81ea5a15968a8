package dev.connectadvisor.internal.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.NoteFinding;
import java.util.List;

/** The advice as a job seeker reads it: the verdict and when, why, what to do, what to watch. */
final class ReadableAdvice {
    private ReadableAdvice() {
    }

    static String render(Advice a) {
        StringBuilder b = new StringBuilder();
        b.append(headline(a)).append('\n');
        b.append(a.summary()).append('\n');
        section(b, "Why", a.reasons(), false);
        section(b, "Steps", a.steps(), true);
        section(b, "Risks", a.risks(), false);
        section(b, "Instead", a.alternatives(), false);
        if (!a.noteFindings().isEmpty()) {
            b.append("\nYour note:\n");
            for (NoteFinding f : a.noteFindings()) {
                b.append("  - ").append(f.text()).append(" [").append(f.item()).append("]\n");
            }
        }
        return b.toString().stripTrailing();
    }

    private static String headline(Advice a) {
        String on = a.actOn() == null ? "" : " (on " + a.actOn() + ")";
        return switch (a.verdict()) {
            case CONNECT -> "CONNECT today" + on + ": send a connection request";
            case FOLLOW_UP -> "FOLLOW UP today" + on + ": send one message";
            case WAIT -> "WAIT: act in " + a.actInDays() + (a.actInDays() == 1 ? " day" : " days") + on;
            case LET_THEM_INITIATE -> "LET THEM INITIATE: don't send a request";
            case DONT_CONNECT -> "DON'T CONNECT";
        };
    }

    private static void section(StringBuilder b, String title, List<Entry> entries, boolean numbered) {
        if (entries.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        int n = 1;
        for (Entry e : entries) {
            b.append(numbered ? "  " + n++ + ". " : "  - ").append(e.text()).append(" [").append(e.item()).append("]\n");
        }
    }
}
