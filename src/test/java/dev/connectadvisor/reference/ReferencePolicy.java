package dev.connectadvisor.reference;

import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;

/**
 * docs/policy.md's verdict table in plain Java, written straight from the policy and sharing
 * no code with the main source (it reads only the public Situation record). It is the oracle of
 * the differential tests and the plain-Java baseline of the benchmarks.
 */
public final class ReferencePolicy {
    public static final int CONNECT_WINDOW_DAYS = 3;
    public static final int TOO_EARLY_DAYS = 7;
    public static final int FOLLOW_UP_WAIT_DAYS = 3;

    /** The verdict, when to act and the decisive item of the first matching policy row. */
    public record Answer(String row, Verdict verdict, Integer actInDays, String decisiveItem) {
    }

    private ReferencePolicy() {
    }

    /** The answer for a situation whose {@code daysUntilInterview} is set. */
    public static Answer decide(Situation s) {
        return decide(s.daysUntilInterview(), s.directInterviewer(), s.hasReferral(), s.toldNotToConnect(),
                s.priorRequest(), s.applicationRejected(), s.interviewerSeemedHesitant(), s.followUpsSent());
    }

    public static Answer decide(int d, boolean directInterviewer, boolean hasReferral, boolean toldNotToConnect,
            PriorRequest prior, boolean applicationRejected, boolean hesitant, int followUpsSent) {
        if (d >= 0) {
            if (!directInterviewer) {
                return new Answer("B1", Verdict.DONT_CONNECT, null, "TIP-7");
            }
            if (toldNotToConnect) {
                return new Answer("B2", Verdict.DONT_CONNECT, null, "TIP-5");
            }
            if (hesitant) {
                return new Answer("B3", Verdict.LET_THEM_INITIATE, null, "AFTER-8");
            }
            if (prior == PriorRequest.ACCEPTED) {
                return new Answer("B4", Verdict.WAIT, d + FOLLOW_UP_WAIT_DAYS, "AFTER-7");
            }
            if (prior == PriorRequest.DECLINED) {
                return new Answer("B5", Verdict.DONT_CONNECT, null, "CON-5");
            }
            if (hasReferral) {
                return new Answer("B6", Verdict.DONT_CONNECT, null, "TIP-6");
            }
            if (prior == PriorRequest.PENDING) {
                return new Answer("B7", Verdict.WAIT, d + FOLLOW_UP_WAIT_DAYS, "CON-7");
            }
            if (d == 0) {
                return new Answer("B8", Verdict.WAIT, FOLLOW_UP_WAIT_DAYS, "CON-7");
            }
            if (d > CONNECT_WINDOW_DAYS) {
                return new Answer("B9", Verdict.WAIT, d - CONNECT_WINDOW_DAYS, "TIP-1");
            }
            return new Answer("B10", Verdict.CONNECT, 0, "TIP-1");
        }
        int daysSince = -d;
        if (!directInterviewer) {
            return new Answer("A1", Verdict.DONT_CONNECT, null, "TIP-7");
        }
        if (prior == PriorRequest.DECLINED && applicationRejected) {
            return new Answer("A2", Verdict.DONT_CONNECT, null, "REJ-0");
        }
        if (followUpsSent >= 1) {
            return new Answer("A3", Verdict.DONT_CONNECT, null, "AFTER-6");
        }
        if (toldNotToConnect) {
            return new Answer("A4", Verdict.LET_THEM_INITIATE, null, "TIP-5");
        }
        if (hesitant) {
            return new Answer("A5", Verdict.LET_THEM_INITIATE, null, "AFTER-8");
        }
        if (daysSince < FOLLOW_UP_WAIT_DAYS) {
            return new Answer("A6", Verdict.WAIT, FOLLOW_UP_WAIT_DAYS - daysSince, "AFTER-7");
        }
        if (prior == PriorRequest.ACCEPTED) {
            return new Answer("A7", Verdict.FOLLOW_UP, 0, "AFTER-1");
        }
        if (prior == PriorRequest.PENDING || prior == PriorRequest.DECLINED) {
            return new Answer("A8", Verdict.CONNECT, 0, "AFTER-5");
        }
        return new Answer("A9", Verdict.CONNECT, 0, "AFTER-0");
    }
}
