package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
            List<String> lines = new ArrayList<>();
            lines.add("impact against " + baseline + ": " + compared + " situations compared, " + changed + " changed");
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
        compared++;
        String change = change(before, now);
        if (change == null) {
            return;
        }
        changed++;
        counts.computeIfAbsent(change, k -> new long[1])[0]++;
        examples.putIfAbsent(change, SituationSpace.describe(s) + ": " + outcome(before) + " -> " + outcome(now));
    }

    private static String change(Engine.Evaluation before, Engine.Evaluation now) {
        Advice a = before.advice();
        Advice b = now.advice();
        if (a == null || b == null) {
            return a == b ? null : (a == null ? "no advice -> " + b.verdict() : a.verdict() + " -> no advice");
        }
        if (a.verdict() != b.verdict()) {
            return a.verdict() + " -> " + b.verdict();
        }
        if (!Objects.equals(a.actInDays(), b.actInDays())) {
            if (a.actInDays() != null && b.actInDays() != null) {
                int delta = b.actInDays() - a.actInDays();
                return a.verdict() + ": actInDays " + (delta > 0 ? "+" : "") + delta;
            }
            return a.verdict() + ": actInDays " + a.actInDays() + " -> " + b.actInDays();
        }
        List<String> ra = items(a.reasons());
        List<String> rb = items(b.reasons());
        if (!ra.equals(rb)) {
            List<String> gained = rb.stream().filter(i -> !ra.contains(i)).map(i -> "+" + i).toList();
            List<String> lost = ra.stream().filter(i -> !rb.contains(i)).map(i -> "-" + i).toList();
            List<String> diff = new ArrayList<>(gained);
            diff.addAll(lost);
            return a.verdict() + ": reasons " + (diff.isEmpty() ? "reordered" : String.join(" ", diff));
        }
        return null;
    }

    private static String outcome(Engine.Evaluation e) {
        Advice a = e.advice();
        if (a == null) {
            return "no advice (" + (e.failure() == null ? "?" : e.failure().kind()) + ")";
        }
        String row = e.decisions().isEmpty() ? "" : e.decisions().get(0).row() + " ";
        return row + a.verdict() + (a.actInDays() == null ? "" : " in " + a.actInDays()) + " " + items(a.reasons());
    }

    private static List<String> items(List<Entry> entries) {
        return entries.stream().map(Entry::item).toList();
    }

    Report report(String origin) {
        List<Group> groups = new ArrayList<>();
        counts.forEach((change, n) -> groups.add(new Group(change, n[0], examples.get(change))));
        groups.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::change));
        return new Report(origin, compared, changed, groups);
    }
}
