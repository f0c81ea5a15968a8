package dev.connectadvisor.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectadvisor.Advice;
import dev.connectadvisor.Entry;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Plan;
import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import dev.connectadvisor.Situation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes Advice and Error objects as compact one-line JSON with the contract's field order, so
 * that the CLI's output and the HTTP answers compare byte for byte.
 */
public final class AdviceJson {
    private AdviceJson() {
    }

    /** One Advice as a JSON line (no newline). {@code actOn} is written when the situation gave an interview date. */
    public static String toJson(Advice advice, Situation situation) {
        return write(g -> writeAdvice(g, advice, situation));
    }

    /**
     * The Advice with one extra last field, {@code explanation} (only for {@code --explain}):
     * {@code {"decidingRow":"B6","decidingRule":"...","policyRow":"B6","held":[...],
     * "rowsAbove":[{"row":"B1","name":"...","notHeld":[...]}],"table":{"file":"...","columns":[...],
     * "rows":[{"row":"B1","name":"...","line":12,"inPhase":true,"matches":false,"cells":[{"text":"...","held":true}]}]}}}:
     * {@code held} is null for a cell that is not a condition, or blank.
     */
    public static String toJson(Explanation explanation, Situation situation) {
        String advice = toJson(explanation.advice(), situation);
        String extra = write(g -> writeExplanation(g, explanation));
        return advice.substring(0, advice.length() - 1) + ",\"explanation\":" + extra + "}";
    }

    private static void writeExplanation(JsonGenerator g, Explanation e) throws IOException {
        g.writeStartObject();
        g.writeStringField("decidingRow", e.decidingRow());
        g.writeStringField("decidingRule", e.decidingRule());
        g.writeStringField("policyRow", e.policyRow());
        strings(g, "held", e.deciding().held());
        g.writeArrayFieldStart("rowsAbove");
        for (Explanation.Row row : e.rowsAbove()) {
            g.writeStartObject();
            g.writeStringField("row", row.id());
            g.writeStringField("name", row.name());
            strings(g, "notHeld", row.notHeld());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("table");
        g.writeStringField("file", e.table().file());
        strings(g, "columns", e.table().columns());
        g.writeArrayFieldStart("rows");
        for (Explanation.Row row : e.table().rows()) {
            g.writeStartObject();
            g.writeStringField("row", row.id());
            g.writeStringField("name", row.name());
            g.writeNumberField("line", row.line());
            g.writeBooleanField("inPhase", row.inPhase());
            g.writeBooleanField("matches", row.matches());
            g.writeArrayFieldStart("cells");
            for (Explanation.Cell cell : row.cells()) {
                g.writeStartObject();
                g.writeStringField("text", cell.text());
                if (cell.held() == null) {
                    g.writeNullField("held");
                } else {
                    g.writeBooleanField("held", cell.held());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** One Error object as a JSON line (no newline); {@code line} is null outside JSONL. */
    public static String toJson(InvalidSituationException error, Integer line) {
        return write(g -> writeError(g, error.code().name(), error.field(), error.getMessage(), line));
    }

    /** One Advice as a JSON line (no newline), written to {@code out} as UTF-8: for batches that write bytes. */
    public static void write(Advice advice, Situation situation, OutputStream out) {
        write(out, g -> writeAdvice(g, advice, situation));
    }

    /** One Error object as a JSON line (no newline), written to {@code out} as UTF-8. */
    public static void write(InvalidSituationException error, Integer line, OutputStream out) {
        write(out, g -> writeError(g, error.code().name(), error.field(), error.getMessage(), line));
    }

    /**
     * An Error object for a failure of the service or the rules rather than of the input, e.g.
     * {@code OVERLOADED}; field null; {@code line} null outside JSONL.
     */
    public static String serviceError(ServiceError code, String message, Integer line) {
        return write(g -> writeError(g, code.name(), null, message, line));
    }

    /** The same, written to {@code out} as UTF-8 (no newline). */
    public static void writeServiceError(ServiceError code, String message, Integer line, OutputStream out) {
        write(out, g -> writeError(g, code.name(), null, message, line));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(out, body);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, Body body) {
        try (JsonGenerator g = Json.generator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAdvice(JsonGenerator g, Advice a, Situation situation) throws IOException {
        writeAdvice(g, a, situation.interviewDate() != null);
    }

    /**
     * A Plan as a JSON line (no newline): {@code {"assumptions":[...],"steps":[{"inDays":0,"date":...,
     * "situation":{...},"advice":{...}}]}}; {@code date} (and each advice's {@code actOn}) only when
     * the situation gave an interview date; each step's situation with only the fields that differ
     * from their defaults (and its day count).
     */
    public static String toJson(Plan plan, Situation situation) {
        boolean dated = situation.interviewDate() != null;
        return write(g -> {
            g.writeStartObject();
            strings(g, "assumptions", plan.assumptions());
            g.writeArrayFieldStart("steps");
            for (Plan.Step step : plan.steps()) {
                g.writeStartObject();
                g.writeNumberField("inDays", step.inDays());
                if (dated) {
                    g.writeStringField("date", step.date().toString());
                }
                g.writeFieldName("situation");
                writeSituation(g, step.situation(), SituationFields.ALL);
                g.writeFieldName("advice");
                writeAdvice(g, step.advice(), dated);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A situation as JSON: its day count and the fields that differ from their defaults (for the guard test too). */
    public static String toJson(Situation situation, List<Field> fields) {
        return write(g -> writeSituation(g, situation, fields));
    }

    private static void writeSituation(JsonGenerator g, Situation s, List<Field> fields) throws IOException {
        g.writeStartObject();
        for (Field field : fields) {
            Object value = field.get(s);
            if (value == null || field.isDefault(s) && !field.name().equals("daysUntilInterview")) {
                continue;
            }
            switch (field.type()) {
                case INTEGER -> g.writeNumberField(field.name(), (Integer) value);
                case BOOLEAN -> g.writeBooleanField(field.name(), (Boolean) value);
                case ENUM -> g.writeStringField(field.name(), ((Enum<?>) value).name());
                default -> g.writeStringField(field.name(), value.toString());
            }
        }
        g.writeEndObject();
    }

    private static void writeAdvice(JsonGenerator g, Advice a, boolean dated) throws IOException {
        g.writeStartObject();
        g.writeStringField("verdict", a.verdict().name());
        if (a.actInDays() == null) {
            g.writeNullField("actInDays");
        } else {
            g.writeNumberField("actInDays", a.actInDays());
        }
        if (dated) {
            if (a.actOn() == null) {
                g.writeNullField("actOn");
            } else {
                g.writeStringField("actOn", a.actOn().toString());
            }
        }
        g.writeStringField("phase", a.phase().name());
        g.writeStringField("summary", a.summary());
        entries(g, "reasons", a.reasons());
        entries(g, "steps", a.steps());
        entries(g, "benefits", a.benefits());
        entries(g, "risks", a.risks());
        entries(g, "alternatives", a.alternatives());
        g.writeArrayFieldStart("noteFindings");
        for (NoteFinding f : a.noteFindings()) {
            g.writeStartObject();
            g.writeStringField("code", f.code().name());
            g.writeStringField("item", f.item());
            g.writeStringField("rule", f.rule());
            g.writeStringField("text", f.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (a.draftNote() == null) {
            g.writeNullField("draftNote");
        } else {
            g.writeStringField("draftNote", a.draftNote());
        }
        g.writeArrayFieldStart("firedRules");
        for (String rule : a.firedRules()) {
            g.writeString(rule);
        }
        g.writeEndArray();
        g.writeStringField("rulesVersion", a.rulesVersion());
        g.writeEndObject();
    }

    private static void entries(JsonGenerator g, String name, List<Entry> entries) throws IOException {
        g.writeArrayFieldStart(name);
        for (Entry e : entries) {
            g.writeStartObject();
            g.writeStringField("item", e.item());
            g.writeStringField("rule", e.rule());
            g.writeStringField("text", e.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeError(JsonGenerator g, String code, String field, String message, Integer line)
            throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("error");
        g.writeStringField("code", code);
        g.writeStringField("field", field);
        g.writeStringField("message", message);
        if (line != null) {
            g.writeNumberField("line", line);
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
