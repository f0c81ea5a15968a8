package dev.connectadvisor;

/** What to do next with this interviewer on LinkedIn (docs/policy.md, "Verdicts"). */
public enum Verdict {
    /** Send a connection request now. */
    CONNECT,
    /** Already connected: send one follow-up message now. */
    FOLLOW_UP,
    /** Not yet: act in {@code actInDays} days. */
    WAIT,
    /** Leave the first move to them. */
    LET_THEM_INITIATE,
    /** Do not send a request. */
    DONT_CONNECT
}
