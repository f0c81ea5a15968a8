package dev.connectadvisor;

/** The connection request you sent the interviewer before the interview, if any. */
public enum PriorRequest {
    NONE, PENDING, ACCEPTED, DECLINED
}
