package dev.connectadvisor.internal.verify;

import dev.connectadvisor.internal.engine.DecisionTable;
import dev.connectadvisor.internal.engine.RuleCompiler;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each rule is written: a DRL file, or a decision table's row. */
final class RuleOrigins {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, String> origins = new HashMap<>();

    RuleOrigins(RuleFolder folder) {
        for (RuleFolder.Source source : folder.rules()) {
            if (!DecisionTable.isTable(source.name())) {
                Matcher m = RULE.matcher(source.text());
                while (m.find()) {
                    origins.put(m.group(1), source.name());
                }
            }
        }
        RuleCompiler.tables(folder).forEach((file, table) ->
                table.rows().forEach((rule, row) -> origins.put(rule, file + " row " + row)));
    }

    /** {@code "Name" (file)} or {@code "Name" (table.drl.csv row 17)}. */
    String describe(String rule) {
        String origin = origins.get(rule);
        return "\"" + rule + "\"" + (origin == null ? "" : " (" + origin + ")");
    }

    /** True when the rule comes from a decision table's row. */
    boolean isTableRow(String rule) {
        String origin = origins.get(rule);
        return origin != null && origin.contains(" row ");
    }
}
