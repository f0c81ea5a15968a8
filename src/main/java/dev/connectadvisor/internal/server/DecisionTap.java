package dev.connectadvisor.internal.server;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.decisionlog.DecisionLog;
import dev.connectadvisor.internal.engine.Decisions;

/**
 * What happens to each answered advice beyond its answer: a line in the decision log
 * ({@code --decision-log}) and a comparison with the shadow rules ({@code --shadow}). Called on
 * the answering thread before the answer is sent, so a client that got its 200 has its line
 * queued; both hand the work to a thread of their own.
 */
final class DecisionTap {
    private final DecisionLog log;
    private final Shadow shadow;

    /** Either may be null. */
    DecisionTap(DecisionLog log, Shadow shadow) {
        this.log = log;
        this.shadow = shadow;
    }

    boolean active() {
        return log != null || shadow != null;
    }

    /** {@code situation} as read from the request (its dates not yet resolved); {@code nanos} the time to answer. */
    void decided(String requestId, LiveRules.Loaded loaded, Situation situation, Advice advice, long nanos) {
        if (log == null && shadow == null) {
            return;
        }
        Situation resolved = situation.interviewDate() == null ? situation : situation.resolve(loaded.advisor().today());
        if (log != null) {
            log.decided(Decisions.of(loaded.advisor().engine(), resolved, advice, requestId, nanos));
        }
        if (shadow != null) {
            shadow.offer(resolved, advice, loaded.decidingRow(advice.firedRules()), loaded.version());
        }
    }
}
