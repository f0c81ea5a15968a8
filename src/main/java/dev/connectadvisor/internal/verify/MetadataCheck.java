package dev.connectadvisor.internal.verify;

import dev.connectadvisor.GuideItem;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.policy.PolicyModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** verify's check of the rules' metadata, their verdict table and their texts. */
final class MetadataCheck {
    private MetadataCheck() {
    }

    /**
     * Rules without items, unknown items, rows claimed by two rules or absent from the verdict
     * table, table rows without a decisive item, texts that no rule cites.
     */
    static List<String> problems(Engine engine, RuleOrigins origins) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byRow = new LinkedHashMap<>();
        for (RuleInfo rule : engine.rules()) {
            if (rule.items().isEmpty()) {
                problems.add("rule " + origins.describe(rule.name()) + " has no @item");
            }
            for (String item : rule.items()) {
                if (GuideItem.byId(item).isEmpty()) {
                    problems.add("rule " + origins.describe(rule.name()) + " cites unknown item " + item);
                }
            }
            if (rule.row() != null) {
                byRow.computeIfAbsent(rule.row(), r -> new ArrayList<>()).add(rule.name());
            }
        }
        byRow.forEach((row, names) -> {
            if (names.size() > 1) {
                problems.add("duplicate id: row " + row + " is claimed by " + names.size() + " rules: "
                        + names.stream().map(origins::describe).collect(Collectors.joining(", ")));
            }
        });
        if (engine.trace(dev.connectadvisor.Situation.builder().daysUntilInterview(1).build())
                .first(Parameters.class).isEmpty()) {
            problems.add("no rule inserts the Parameters (parameters.drl.csv)");
        }
        PolicyModel policy = engine.policy();
        for (PolicyModel.Row row : policy.rows()) {
            if (GuideItem.byId(row.decisiveItem()).isEmpty()) {
                problems.add("row " + row.id() + " of " + policy.file() + " (line " + row.line() + ") has "
                        + (row.decisiveItem().isEmpty() ? "no decisive item" : "an unknown decisive item " + row.decisiveItem()));
            }
        }
        byRow.keySet().stream().filter(row -> policy.row(row).isEmpty())
                .forEach(row -> problems.add("row " + row + ", claimed by " + byRow.get(row).stream().map(origins::describe)
                        .collect(Collectors.joining(", ")) + ", is not a row of the verdict table " + policy.file()));
        java.util.Set<String> cited = new java.util.HashSet<>();
        engine.rules().forEach(rule -> cited.addAll(rule.items()));
        policy.texts().keySet().stream().map(key -> key.replaceFirst("@.*", "")).distinct()
                .filter(id -> GuideItem.byId(id).isPresent() && !cited.contains(id))
                .forEach(id -> problems.add("texts.csv has a text for " + id + ", which no rule cites"));
        return problems;
    }

}
