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
    /** The header the service's own warm-up requests carry, with a value drawn at start: they are no decisions. */
    static final String WARM_UP_HEADER = "X-Connect-Advisor-Warm-Up";

    private final DecisionLog log;
    private final Shadow shadow;
    private final String warmUpToken;

    /** Either may be null. */
    DecisionTap(DecisionLog log, Shadow shadow, String warmUpToken) {
        this.log = log;
        this.shadow = shadow;
        this.warmUpToken = warmUpToken;
    }

    boolean active() {
        return log != null || shadow != null;
    }

    /** {@code situation} as read from the request (its dates not yet resolved); {@code nanos} the time to answer. */
    void decided(Exchange exchange, LiveRules.Loaded loaded, Situation situation, Advice advice, long nanos) {
        if (log == null && shadow == null || warmUpToken.equals(exchange.request.getHeaders().get(WARM_UP_HEADER))) {
            return;
        }
        String requestId = exchange.requestId();
        Situation resolved = situation.interviewDate() == null ? situation : situation.resolve(loaded.advisor().today());
        if (log != null) {
            log.decided(Decisions.of(loaded.advisor().engine(), resolved, advice, requestId, nanos));
        }
        if (shadow != null) {
            shadow.offer(resolved, advice, loaded);
        }
    }
}
