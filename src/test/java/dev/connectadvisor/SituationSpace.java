package dev.connectadvisor;

import java.util.ArrayList;
import java.util.List;

/**
 * The exhaustive input space of the proofs: the space that {@code verify --exhaustive} walks
 * (every value each field declares for the walk), with or without its notes.
 */
public final class SituationSpace {
    private SituationSpace() {
    }

    /** Every valid situation of the space; without notes, only those with no note. */
    public static List<Situation> valid(boolean withNotes) {
        List<Situation> all = new ArrayList<>();
        dev.connectadvisor.internal.verify.SituationSpace.walk(s -> {
            if (withNotes || s.note() == null) {
                all.add(s);
            }
        });
        return all;
    }
}
