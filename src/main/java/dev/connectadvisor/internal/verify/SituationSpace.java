package dev.connectadvisor.internal.verify;

import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole input space that the exhaustive analysis walks: every combination of the seven
 * booleans, priorRequest, followUpsSent in 0..2 and daysUntilInterview in -30..30, crossed with a
 * note dimension (no note, and fixed drafts that together trigger every note finding). The
 * combinations the contract rejects (applicationRejected or a follow-up before the interview)
 * are counted and skipped.
 */
final class SituationSpace {
    public static final int MIN_DAYS = -30;
    public static final int MAX_DAYS = 30;
    public static final int MAX_FOLLOW_UPS = 2;

    /** One value of the note dimension. */
    public record Draft(String label, String interviewerName, String note) {
    }

    /**
     * No note; LinkedIn's stock text (NOTE_GENERIC, and NOTE_NO_MEETING or NOTE_NO_THANKS); a long
     * note that misspells the name and leaves it out (NOTE_TOO_LONG, NOTE_NAME_MISSING,
     * NOTE_NAME_MISSPELLED, and NOTE_NO_MEETING or NOTE_NO_THANKS).
     */
    public static final List<Draft> DRAFTS = List.of(
            new Draft("no note", null, null),
            new Draft("stock draft", "Sarah Lee", "Hi Sarah, I'd like to add you to my professional network."),
            new Draft("long misspelled draft", "Sarah Lee", "Dear Sara, " + "I have followed the work of your"
                    + " data platform group for a long time and I would be glad to connect here. ".repeat(4)));

    /** How many combinations were looked at, and how many of them the contract accepts. */
    public record Counts(long checked, long valid) {
        public long skipped() {
            return checked - valid;
        }
    }

    private SituationSpace() {
    }

    /** Calls {@code visit} with every valid situation, in a fixed order. */
    public static Counts walk(Consumer<Situation> visit) {
        long checked = 0;
        long valid = 0;
        for (Draft draft : DRAFTS) {
            for (int d = MIN_DAYS; d <= MAX_DAYS; d++) {
                for (PriorRequest prior : PriorRequest.values()) {
                    for (int followUps = 0; followUps <= MAX_FOLLOW_UPS; followUps++) {
                        for (int bits = 0; bits < 1 << 7; bits++) {
                            checked++;
                            Situation situation;
                            try {
                                situation = Situation.builder().daysUntilInterview(d).priorRequest(prior)
                                        .followUpsSent(followUps)
                                        .directInterviewer((bits & 1) == 0)
                                        .existingRelationship((bits & 2) != 0)
                                        .hasReferral((bits & 4) != 0)
                                        .toldNotToConnect((bits & 8) != 0)
                                        .profileUpToDate((bits & 16) == 0)
                                        .applicationRejected((bits & 32) != 0)
                                        .interviewerSeemedHesitant((bits & 64) != 0)
                                        .interviewerName(draft.interviewerName()).note(draft.note())
                                        .build();
                            } catch (InvalidSituationException rejected) {
                                continue;
                            }
                            valid++;
                            visit.accept(situation);
                        }
                    }
                }
            }
        }
        return new Counts(checked, valid);
    }

    /** A situation in one line, with only the fields that differ from the defaults (and the day). */
    public static String describe(Situation s) {
        StringBuilder b = new StringBuilder("{daysUntilInterview: ").append(s.daysUntilInterview());
        if (!s.directInterviewer()) {
            b.append(", directInterviewer: false");
        }
        if (s.existingRelationship()) {
            b.append(", existingRelationship: true");
        }
        if (s.hasReferral()) {
            b.append(", hasReferral: true");
        }
        if (s.toldNotToConnect()) {
            b.append(", toldNotToConnect: true");
        }
        if (!s.profileUpToDate()) {
            b.append(", profileUpToDate: false");
        }
        if (s.priorRequest() != PriorRequest.NONE) {
            b.append(", priorRequest: ").append(s.priorRequest());
        }
        if (s.applicationRejected()) {
            b.append(", applicationRejected: true");
        }
        if (s.interviewerSeemedHesitant()) {
            b.append(", interviewerSeemedHesitant: true");
        }
        if (s.followUpsSent() != 0) {
            b.append(", followUpsSent: ").append(s.followUpsSent());
        }
        if (s.note() != null) {
            String label = DRAFTS.stream().filter(d -> s.note().equals(d.note())).map(Draft::label).findFirst()
                    .orElse(s.note().length() > 40 ? s.note().substring(0, 40) + "..." : s.note());
            b.append(", interviewerName: \"").append(s.interviewerName()).append("\", note: <").append(label).append('>');
        }
        return b.append('}').toString();
    }
}
