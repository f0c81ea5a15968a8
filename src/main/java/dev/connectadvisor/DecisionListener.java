package dev.connectadvisor;

/**
 * Receives every decision an advisor makes, for an audit trail:
 *
 * <pre>{@code
 * ConnectAdvisor advisor = ConnectAdvisor.fromClasspath()
 *         .withDecisionListener(decision -> audit.add(decision.requestId() + " " + decision.verdict()));
 * }</pre>
 *
 * <p>Called on the thread that asked for the advice, after the advice is made and before it is
 * returned, once per {@link ConnectAdvisor#advise} (a cached answer included; a plan's steps and an
 * explanation are not decisions). It should be quick, and must be thread-safe: an advisor is used
 * from many threads. An exception it throws is not the caller's problem: it is logged and dropped.
 */
@FunctionalInterface
public interface DecisionListener {
    /**
     * One decision made.
     *
     * @param decision what was decided, immutable
     */
    void decided(DecisionRecord decision);
}
