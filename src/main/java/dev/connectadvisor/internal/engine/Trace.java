package dev.connectadvisor.internal.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What one evaluation did: the rules in firing order (from the agenda) and every fact a rule
 * inserted, with the name of that rule, in insertion order.
 */
final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    /** A fact and the rule that inserted it. */
    record Inserted(Object fact, String rule) {
    }

    final List<String> fired = new ArrayList<>();
    final List<Inserted> inserted = new ArrayList<>();
    /** The rule whose consequence runs now, read by another thread when a time limit passes. */
    volatile String running;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        running = event.getMatch().getRule().getName();
    }

    void clear() {
        fired.clear();
        inserted.clear();
        running = null;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule().getName());
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            inserted.add(new Inserted(event.getObject(), event.getRule().getName()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // facts are immutable records: nothing is updated
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // nothing is deleted
    }
}
