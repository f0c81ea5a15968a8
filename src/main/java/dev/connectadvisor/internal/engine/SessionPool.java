package dev.connectadvisor.internal.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Idle sessions of one KieBase, each with its trace listener. Creating a session builds its
 * agenda, node memories and entry points; resetting one (as Drools' own KieSessionsPool does)
 * only empties them. A session whose evaluation failed is disposed, never reused.
 */
final class SessionPool {
    /** A session and the listener that records what it does; used by one evaluation at a time. */
    record Slot(KieSession session, Trace trace) {
    }

    private static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Supplier<KieBase> base;
    private final ConcurrentLinkedQueue<Slot> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase base) {
        this(() -> base);
    }

    /** A pool of a KieBase that is built (by {@code base}) when the first session is needed. */
    SessionPool(Supplier<KieBase> base) {
        this.base = base;
    }

    Slot take() {
        Slot slot = idle.poll();
        if (slot != null) {
            idleCount.decrementAndGet();
            return slot;
        }
        Slot fresh = new Slot(base.get().newKieSession(), new Trace());
        listen(fresh);
        return fresh;
    }

    /** Idle sessions now: every other session of the KieBase is in use by an evaluation. */
    int idle() {
        return idleCount.get();
    }

    void give(Slot slot, boolean reusable) {
        if (!reusable || !(slot.session() instanceof StatefulKnowledgeSessionImpl impl)
                || idleCount.get() >= MAX_IDLE) {
            slot.session().dispose();
            return;
        }
        impl.reset(); // empties working memory and agenda, and drops the listeners
        // reset() keeps the agenda's activation groups, and a group left from the last evaluation
        // no longer cancels the other rows of a first-hit decision table (two verdicts were seen):
        // forget them, so that each evaluation builds its groups afresh, as a new session does
        impl.getAgenda().getActivationGroupsMap().clear();
        slot.trace().clear();
        listen(slot);
        idleCount.incrementAndGet();
        idle.offer(slot);
    }

    private static void listen(Slot slot) {
        slot.session().addEventListener((AgendaEventListener) slot.trace());
        slot.session().addEventListener((RuleRuntimeEventListener) slot.trace());
    }
}
