package dev.connectadvisor.internal.policy;

import dev.connectadvisor.GuideItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the docs that are the rules' own data, written from it: the verdict table as a
 * rule author reads it, and the guide items with the texts the advice shows. A test compares
 * them with the docs, so the docs cannot drift from the rules.
 */
public final class PolicyDocs {
    private PolicyDocs() {
    }

    /** The verdict table in Markdown: one row per rule row, its condition cells, verdict and decisive item. */
    public static String verdictTable(PolicyModel model) {
        List<PolicyModel.Column> shown = new ArrayList<>();
        for (PolicyModel.Column column : model.columns()) {
            if (column.isCondition() || column.kind().equals("ACTION") && !column.title().equals("summary")) {
                shown.add(column);
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("| row |");
        StringBuilder rule = new StringBuilder("|---|");
        for (PolicyModel.Column column : shown) {
            header.append(' ').append(column.title()).append(" |");
            rule.append("---|");
        }
        lines.add(header.append(" decisive item |").toString());
        lines.add(rule.append("---|").toString());
        for (PolicyModel.Row row : model.rows()) {
            StringBuilder line = new StringBuilder("| ").append(row.id()).append(" |");
            for (PolicyModel.Column column : shown) {
                String cell = row.cell(column.column());
                line.append(' ').append(cell.isEmpty() ? "" : "`" + cell.replace("|", "\\|") + "`").append(" |");
            }
            lines.add(line.append(' ').append(row.decisiveItem()).append(" |").toString());
        }
        return String.join("\n", lines) + "\n";
    }

    /** The parameters in Markdown: name, value, and what the parameters table says of each. */
    public static String parameters(dev.connectadvisor.facts.Parameters parameters) {
        List<String> lines = new ArrayList<>();
        lines.add("| parameter | value |");
        lines.add("|---|---|");
        for (java.lang.reflect.RecordComponent component : parameters.getClass().getRecordComponents()) {
            try {
                lines.add("| `" + component.getName() + "` | " + component.getAccessor().invoke(parameters) + " |");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The guide items in Markdown, section by section, each with the text the advice shows for it. */
    public static String guideItems(Map<String, String> texts) {
        List<String> lines = new ArrayList<>();
        GuideItem.Section section = null;
        for (GuideItem item : GuideItem.values()) {
            if (item.section() != section) {
                section = item.section();
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.add("### " + section.name() + ": " + section.title());
                lines.add("");
                lines.add("| item | what the advice says |");
                lines.add("|---|---|");
            }
            String text = texts.containsKey(item.id()) ? texts.get(item.id())
                    : "before the interview: " + texts.getOrDefault(item.id() + "@BEFORE", "(no text)")
                    + "<br>after it: " + texts.getOrDefault(item.id() + "@AFTER", "(no text)");
            lines.add("| " + item.id() + " | " + text.replace("|", "\\|") + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Rewrites the generated parts of the docs from the built-in rules (run after a change to the
     * verdict table, the parameters, the texts or the Situation's fields): every part between
     * {@code <!-- generated:NAME -->} and {@code <!-- /generated:NAME -->} in the Markdown files of
     * the folder given.
     *
     * @param args the docs folder
     */
    public static void main(String[] args) throws java.io.IOException {
        dev.connectadvisor.internal.engine.Engine engine = dev.connectadvisor.internal.engine.Engine.builtIn();
        dev.connectadvisor.facts.Parameters parameters = engine.trace(dev.connectadvisor.Situation.builder()
                .daysUntilInterview(1).build()).first(dev.connectadvisor.facts.Parameters.class).orElseThrow();
        Map<String, String> parts = Map.of(
                "verdict-table", verdictTable(engine.policy()),
                "parameters", parameters(parameters),
                "guide-items", guideItems(engine.policy().texts()),
                "situation-fields", dev.connectadvisor.internal.situation.SituationSchema.markdownTable(
                        dev.connectadvisor.internal.situation.SituationFields.ALL));
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(args[0]))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = java.nio.file.Files.readString(file);
                String updated = text;
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(<!-- generated:" + part.getKey()
                            + " -->\\n)(.*?)(<!-- /generated:" + part.getKey() + " -->)", java.util.regex.Pattern.DOTALL)
                            .matcher(updated);
                    updated = m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1) + part.getValue() + r.group(3)));
                }
                if (!updated.equals(text)) {
                    java.nio.file.Files.writeString(file, updated);
                    System.out.println("updated " + file);
                }
            }
        }
    }
}
