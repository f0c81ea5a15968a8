package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Entry;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.policy.Held;
import dev.connectadvisor.internal.policy.PolicyModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exhaustive analysis of one rule base over the whole {@link SituationSpace}: every valid
 * situation gets exactly one verdict decision from the rules (gaps and double verdicts are listed
 * with a counterexample), every rule and table row fires somewhere (dead ones are listed), the
 * row that decided is the first row of the verdict table whose every cell holds (by the table's
 * diagnostics, apart from the rules' own first-hit), and that row's decisive item is always in
 * the reasons.
 */
final class Exhaustive {
    /** A kind of finding, how often, and the first situation where it showed. */
    record Finding(String kind, String what, long count, String example) {
        String line() {
            return kind + ": " + what + ": " + count + (count == 1 ? " situation" : " situations") + ", e.g. " + example;
        }
    }

    /**
     * @param counts how many situations were checked, valid and skipped
     * @param millis how long the walk took
     * @param findings gaps, double verdicts, rule failures and missing decisive items
     * @param deadRules rules and table rows that no situation fires, described with their origin
     * @param rules how many rules there are
     */
    record Report(SituationSpace.Counts counts, long millis, List<Finding> findings, List<String> deadRules, int rules) {
        boolean passed() {
            return findings.isEmpty() && deadRules.isEmpty();
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("exhaustive: " + counts.checked() + " situations checked: " + counts.valid() + " valid, "
                    + counts.skipped() + " skipped (rejected by the contract), in " + millis + " ms");
            findings.forEach(f -> lines.add("  " + f.line()));
            deadRules.forEach(r -> lines.add("  DEAD: " + r + " fires in no situation"));
            if (findings.stream().noneMatch(f -> f.kind().equals("GAP") || f.kind().equals("DOUBLE VERDICT")
                    || f.kind().equals("RULES FAILED"))) {
                lines.add("  exactly one verdict in every valid situation: no gap, no double verdict");
            }
            if (deadRules.isEmpty()) {
                lines.add("  every rule and table row is reachable: " + rules + " of " + rules + " fire");
            }
            if (findings.stream().noneMatch(f -> f.kind().equals("DECISIVE ITEM MISSING"))) {
                lines.add("  the decisive item of the matching policy row is always in the reasons");
            }
            return lines;
        }
    }

    private final Engine engine;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Set<String> fired = new HashSet<>();

    Exhaustive(Engine engine) {
        this.engine = engine;
        this.fieldsRead = engine.policy().fieldsRead();
    }

    /**
     * The verdict table's cells that hold for a situation the engine evaluated, or null where
     * the evaluation gave no single decision (thread-safe: the walk evaluates in parallel).
     */
    java.util.Set<Held> diagnose(Situation s, Engine.Evaluation e) {
        java.util.Optional<Parameters> parameters = e.first(Parameters.class);
        if (e.decisions().size() != 1 || e.failure() != null || parameters.isEmpty()) {
            return null;
        }
        // situations that differ only in fields no condition of the table reads (the note and the
        // names, in the shipped table) hold the same cells: diagnose one of them
        Situation key = fieldsRead == null ? s : projected(s);
        return diagnosed.computeIfAbsent(java.util.List.of(key, parameters.get()),
                k -> engine.diagnose(s, parameters.get()));
    }

    private final java.util.Set<String> fieldsRead;
    private final java.util.Map<java.util.List<Object>, java.util.Set<Held>> diagnosed =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The situation with every text field no table condition reads left out. */
    private Situation projected(Situation s) {
        Situation.Builder b = s.toBuilder();
        for (dev.connectadvisor.internal.situation.Field field : dev.connectadvisor.internal.situation.SituationFields.ALL) {
            if (field.type() == dev.connectadvisor.internal.situation.Field.Type.STRING && !fieldsRead.contains(field.name())) {
                field.setter().accept(b, null);
            }
        }
        return b.build();
    }

    /** Checks one situation, with its evaluation by this engine and its {@link #diagnose diagnosis}. */
    void check(Situation s, Engine.Evaluation e, java.util.Set<Held> held) {
        fired.addAll(e.firedRules());
        if (e.decisions().isEmpty() && (e.failure() == null || e.failure().kind() == dev.connectadvisor.AdviceException.Kind.NO_VERDICT)) {
            note("GAP", "no verdict", s);
            return;
        }
        if (e.decisions().size() > 1) {
            note("DOUBLE VERDICT", e.decisions().size() + " verdicts from " + e.decidingRules(), s);
            return;
        }
        if (e.failure() != null) {
            note("RULES FAILED", e.failure().kind() + " " + (e.failure().rule() == null ? "" : "in \"" + e.failure().rule() + "\""), s);
            return;
        }
        if (held == null) {
            note("NO PARAMETERS", "no rule inserted the Parameters, so the verdict table cannot be checked", s);
            return;
        }
        PolicyModel policy = engine.policy();
        PolicyModel.Row row = policy.rows().stream().filter(r -> held.contains(new Held(r.rank(), 0))).findFirst()
                .orElse(null);
        String decided = e.decisions().get(0).row();
        if (row == null) {
            note("NO TABLE ROW", "the rules decided " + decided + ", but no row of " + policy.file() + " holds", s);
            return;
        }
        if (!row.id().equals(decided)) {
            note("ROW DIFFERS", "the table's first matching row is " + row.id() + ", the rules decided " + decided, s);
        }
        List<String> reasons = e.advice().reasons().stream().map(Entry::item).toList();
        if (!reasons.contains(row.decisiveItem())) {
            note("DECISIVE ITEM MISSING", row.id() + " needs " + row.decisiveItem() + " in the reasons, got " + reasons, s);
        }
    }

    private void note(String kind, String what, Situation s) {
        String key = kind + "\u0000" + what;
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        examples.putIfAbsent(key, SituationSpace.describe(s));
    }

    Report report(SituationSpace.Counts walked, long millis, RuleOrigins origins) {
        List<Finding> findings = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            findings.add(new Finding(parts[0], parts[1], n[0], examples.get(key)));
        });
        List<RuleInfo> rules = engine.rules();
        List<String> dead = rules.stream().map(RuleInfo::name).filter(name -> !fired.contains(name))
                .map(origins::describe).toList();
        return new Report(walked, millis, findings, dead, rules.size());
    }
}
