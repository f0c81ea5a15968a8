package dev.connectadvisor;

/** Where the situation stands relative to the interview (docs/policy.md, "Phase"). */
public enum Phase {
    /** One day or more before the interview. */
    BEFORE,
    /** The day of the interview; treated as before it. */
    INTERVIEW_DAY,
    /** One day or more after the interview. */
    AFTER;

    /** The phase of a day offset: positive = days until, negative = days since the interview. */
    public static Phase of(int daysUntilInterview) {
        if (daysUntilInterview > 0) {
            return BEFORE;
        }
        return daysUntilInterview == 0 ? INTERVIEW_DAY : AFTER;
    }
}
