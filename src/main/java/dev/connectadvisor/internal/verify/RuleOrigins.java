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

    /** The file the rule is written in ({@code risks.drl}, {@code verdict-policy.drl.csv}), or null if unknown. */
    String file(String rule) {
        String origin = origins.get(rule);
        return origin == null ? null : origin.replaceFirst(" row .*$", "");
    }

    /** The decision table row the rule comes from ({@code 17}), or null for a DRL rule. */
    String row(String rule) {
        String origin = origins.get(rule);
        int at = origin == null ? -1 : origin.indexOf(" row ");
        return at < 0 ? null : origin.substring(at + " row ".length());
    }

    /** True when the rule comes from a decision table's row. */
    boolean isTableRow(String rule) {
        String origin = origins.get(rule);
        return origin != null && origin.contains(" row ");
    }
}
