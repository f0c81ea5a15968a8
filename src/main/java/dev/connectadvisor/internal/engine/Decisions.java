package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.DecisionListener;
import dev.connectadvisor.DecisionRecord;
import dev.connectadvisor.Entry;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Situation;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link DecisionRecord} of one answer, the same way for a Java caller and for the service. */
public final class Decisions {
    private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

    private Decisions() {
    }

    /**
     * @param engine the rules that answered
     * @param resolved the situation asked, its day resolved
     * @param advice the answer
     * @param requestId the request's id, or null for a random one
     * @param nanos how long the answer took
     */
    public static DecisionRecord of(Engine engine, Situation resolved, Advice advice, String requestId, long nanos) {
        Situation seen = Engine.dayless(resolved);
        return new DecisionRecord(Instant.now(), requestId == null ? UUID.randomUUID().toString() : requestId,
                advice.rulesVersion(), seen, engine.readNote(seen), advice.verdict(), advice.actInDays(),
                engine.decidingRow(advice.firedRules()), advice.reasons().stream().map(Entry::item).toList(),
                advice.noteFindings().stream().map(NoteFinding::code).toList(), advice.firedRules(), nanos / 1e6);
    }

    /** Hands a decision to a listener; what the listener throws is logged, never the caller's problem. */
    public static void tell(DecisionListener listener, DecisionRecord decision) {
        try {
            listener.decided(decision);
        } catch (RuntimeException e) {
            LOG.warn("a decision listener failed on request {}: {}", decision.requestId(), e.toString());
        }
    }
}
