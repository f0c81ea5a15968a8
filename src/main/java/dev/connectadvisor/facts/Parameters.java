package dev.connectadvisor.facts;

/**
 * The rule authors' parameters (docs/policy.md, "Parameters"), inserted by one rule in
 * {@code rules/parameters.drl.csv} (a decision table) so that every rule reads them from one place.
 *
 * @param connectWindowDays connect at most this many days before the interview (TIP-1)
 * @param tooEarlyDays more than this many days ahead, they may forget you (CON-8)
 * @param followUpWaitDays wait this many days after the interview (AFTER-7)
 * @param maxNoteChars the longest invitation note (TIP-3)
 */
public record Parameters(int connectWindowDays, int tooEarlyDays, int followUpWaitDays, int maxNoteChars) {
    public Parameters {
        if (connectWindowDays < 1 || tooEarlyDays < 1 || followUpWaitDays < 1 || maxNoteChars < 1) {
            throw new IllegalArgumentException("every parameter must be at least 1: " + connectWindowDays
                    + ", " + tooEarlyDays + ", " + followUpWaitDays + ", " + maxNoteChars);
        }
    }
}
