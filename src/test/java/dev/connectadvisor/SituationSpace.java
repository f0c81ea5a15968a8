package dev.connectadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The exhaustive input space of the proofs: every boolean of the Situation, every priorRequest,
 * followUpsSent 0..2 and daysUntilInterview -30..30, without and with a note (and the name it
 * should contain). Combinations the contract rejects (applicationRejected or follow-ups before
 * the interview) are given too, as builders whose {@code build()} must throw CONFLICT.
 */
public final class SituationSpace {
    public static final int MIN_DAYS = -30;
    public static final int MAX_DAYS = 30;
    public static final int MAX_FOLLOW_UPS = 2;
    public static final String NAME = "Sarah Lee";
    public static final String NOTE = "Hi Sarah, thank you for the interview; looking forward to our next talk.";

    private SituationSpace() {
    }

    /** Calls {@code visit} with a builder for every point of the space. */
    public static void forEach(boolean withNotes, Consumer<Situation.Builder> visit) {
        for (int d = MIN_DAYS; d <= MAX_DAYS; d++) {
            for (int bits = 0; bits < 1 << 7; bits++) {
                for (PriorRequest prior : PriorRequest.values()) {
                    for (int followUps = 0; followUps <= MAX_FOLLOW_UPS; followUps++) {
                        for (int note = 0; note < (withNotes ? 2 : 1); note++) {
                            Situation.Builder b = Situation.builder().daysUntilInterview(d)
                                    .directInterviewer(bit(bits, 0)).existingRelationship(bit(bits, 1))
                                    .hasReferral(bit(bits, 2)).toldNotToConnect(bit(bits, 3))
                                    .profileUpToDate(bit(bits, 4)).applicationRejected(bit(bits, 5))
                                    .interviewerSeemedHesitant(bit(bits, 6))
                                    .priorRequest(prior).followUpsSent(followUps);
                            if (note == 1) {
                                b.interviewerName(NAME).note(NOTE);
                            }
                            visit.accept(b);
                        }
                    }
                }
            }
        }
    }

    /** Every valid situation of the space. */
    public static List<Situation> valid(boolean withNotes) {
        List<Situation> all = new ArrayList<>();
        forEach(withNotes, b -> {
            try {
                all.add(b.build());
            } catch (InvalidSituationException rejected) {
                // a contradiction the contract rejects: not a situation to advise on
            }
        });
        return all;
    }

    private static boolean bit(int bits, int i) {
        return (bits >> i & 1) == 1;
    }
}
