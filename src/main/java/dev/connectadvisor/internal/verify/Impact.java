package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact of a rule change: the same exhaustive space evaluated by the baseline rules and by
 * the changed ones, the situations whose verdict, actInDays or reasons changed, grouped by how
 * they changed, with a count and one example each. What a reviewer reads on a rule change.
 */
final class Impact {
    /** One group of changes. */
    record Group(String change, long count, String example) {
        String line() {
            return change + ": " + count + (count == 1 ? " situation" : " situations") + ", e.g. " + example;
        }
    }

    /**
     * @param baseline where the baseline rules came from
     * @param compared how many situations both rule sets answered
     * @param changed how many of them changed
     * @param groups the groups, largest first
     */
    record Report(String baseline, long compared, long changed, List<Group> groups) {
        List<String> lines() {
            return lines("impact against " + baseline);
        }

        /** The report under another heading, e.g. {@code replay of LOG}. */
        List<String> lines(String heading) {
            List<String> lines = new ArrayList<>();
            lines.add(heading + ": " + compared + " situations compared, " + changed + " changed");
            groups.forEach(g -> lines.add("  " + g.line()));
            return lines;
        }
    }

    private final Engine baseline;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private long compared;
    private long changed;

    Impact(Engine baseline) {
        this.baseline = baseline;
    }

    /** The baseline's evaluation of a situation (thread-safe). */
    Engine.Evaluation before(Situation s) {
        return baseline.trace(s);
    }

    void compare(Situation s, Engine.Evaluation before, Engine.Evaluation now) {
        compare(s, Outcome.of(before), Outcome.of(now));
    }

    /** One situation answered both ways (the replay of a decision log compares with the logged answer). */
    void compare(Situation s, Outcome before, Outcome now) {
        compared++;
        String change = Outcome.change(before, now);
        if (change == null) {
            return;
        }
        changed++;
        counts.computeIfAbsent(change, k -> new long[1])[0]++;
        examples.putIfAbsent(change, SituationSpace.describe(s) + ": " + before.describe() + " -> " + now.describe());
    }

    Report report(String origin) {
        List<Group> groups = new ArrayList<>();
        counts.forEach((change, n) -> groups.add(new Group(change, n[0], examples.get(change))));
        groups.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::change));
        return new Report(origin, compared, changed, groups);
    }
}
