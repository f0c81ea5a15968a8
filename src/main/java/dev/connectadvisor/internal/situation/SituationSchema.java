package dev.connectadvisor.internal.situation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Situation's fields as other readers need them, derived from their declarations: the JSON
 * Schema of the OpenAPI document (which the playground also reads to build its form) and the
 * field table of the docs. Plain maps and lists, so any JSON writer can write them.
 */
public final class SituationSchema {
    /** The OpenAPI extension that marks a field allowed to differ from its default only after the interview. */
    public static final String ONLY_AFTER_INTERVIEW = "x-only-after-interview";
    /** The OpenAPI extension that gives a field's command-line flag. */
    public static final String FLAG = "x-cli-flag";

    private SituationSchema() {
    }

    /** The Situation object's JSON Schema (OpenAPI 3.1), one property per field. */
    public static Map<String, Object> openApi(List<Field> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field field : fields) {
            properties.put(field.name(), property(field));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("description", "A situation to advise on. Give daysUntilInterview or interviewDate; every other"
                + " field may be left out and takes its default. Types are strict and null is never a value.");
        schema.put("properties", properties);
        schema.put("anyOf", List.of(Map.of("required", List.of("daysUntilInterview")),
                Map.of("required", List.of("interviewDate"))));
        return schema;
    }

    private static Map<String, Object> property(Field field) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", field.type().json());
        p.put("title", field.label());
        switch (field.type()) {
            case INTEGER -> {
                p.put("minimum", field.min());
                p.put("maximum", field.max());
            }
            case DATE -> p.put("format", "date");
            case ENUM -> p.put("enum", field.values());
            case STRING -> p.put("maxLength", field.max());
            default -> {
                // a boolean has no bounds
            }
        }
        if (field.defaultValue() != null) {
            p.put("default", field.defaultValue() instanceof Enum<?> e ? e.name() : field.defaultValue());
        }
        p.put("description", field.description());
        if (field.example() != null) {
            p.put("examples", List.of(field.example()));
        }
        if (field.onlyAfterInterview()) {
            p.put(ONLY_AFTER_INTERVIEW, true);
        }
        p.put(FLAG, field.flag().option());
        return p;
    }

    /** The docs' field table in Markdown: field, type, default, allowed, flag, meaning. */
    public static String markdownTable(List<Field> fields) {
        List<String> lines = new ArrayList<>();
        lines.add("| field | type | default | allowed | flag | meaning |");
        lines.add("|---|---|---|---|---|---|");
        for (Field field : fields) {
            String type = switch (field.type()) {
                case DATE -> "date";
                case ENUM -> "enum";
                default -> field.type().json();
            };
            Object fallback = field.defaultValue();
            String flag = field.flag().isSwitch() ? "`" + field.flag().option() + "` (sets " + field.flag().sets() + ")"
                    : "`" + field.flag().option() + " " + field.flag().label() + "`";
            String meaning = field.description() + (field.onlyAfterInterview()
                    ? " Before the interview it must keep its default." : "");
            lines.add("| `" + field.name() + "` | " + type + " | " + (fallback == null ? "" : "`" + fallback + "`") + " | "
                    + field.allowed() + " | " + flag + " | " + meaning + " |");
        }
        return String.join("\n", lines) + "\n";
    }
}
