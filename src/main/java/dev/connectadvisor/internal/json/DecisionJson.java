package dev.connectadvisor.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connectadvisor.DecisionRecord;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.facts.Note;
import dev.connectadvisor.internal.situation.SituationFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a decision log, written and read back:
 * {@code {"time":"...","requestId":"...","rulesVersion":"...","situation":{...},"note":{"length":42,...},
 * "verdict":"WAIT","actInDays":7,"decidingRow":"B6","reasons":["TIP-1"],"noteFindings":["NOTE_TOO_LONG"],
 * "firedRules":[...],"millis":0.31,"personal":false}}. Without personal data the situation leaves out
 * {@link SituationFields#PERSONAL}, and the note's reading its two words taken from the note and the name.
 */
public final class DecisionJson {
    private DecisionJson() {
    }

    /** A line read back from a log: what was asked, what the rules read of the note, and what they answered. */
    public record Logged(String requestId, String rulesVersion, Situation situation, Note note, Verdict verdict,
            Integer actInDays, String decidingRow, List<String> reasons) {
    }

    /** The decision as one JSON line (no newline). */
    public static String toJson(DecisionRecord d, boolean personal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("time", d.time().toString());
            g.writeStringField("requestId", d.requestId());
            g.writeStringField("rulesVersion", d.rulesVersion());
            g.writeFieldName("situation");
            g.writeRawValue(AdviceJson.toJson(d.situation(), personal ? SituationFields.ALL : SituationFields.NOT_PERSONAL));
            Note n = d.note();
            if (n != null) {
                g.writeObjectFieldStart("note");
                g.writeNumberField("length", n.length());
                g.writeBooleanField("generic", n.generic());
                g.writeBooleanField("nameGiven", n.nameGiven());
                g.writeBooleanField("nameMissing", n.nameMissing());
                g.writeBooleanField("nameMisspelled", n.nameMisspelled());
                g.writeBooleanField("mentionsMeeting", n.mentionsMeeting());
                g.writeBooleanField("mentionsThanks", n.mentionsThanks());
                if (personal && n.misspelledWord() != null) {
                    g.writeStringField("misspelledWord", n.misspelledWord());
                    g.writeStringField("misspelledName", n.misspelledName());
                }
                g.writeEndObject();
            }
            g.writeStringField("verdict", d.verdict().name());
            if (d.actInDays() == null) {
                g.writeNullField("actInDays");
            } else {
                g.writeNumberField("actInDays", d.actInDays());
            }
            g.writeStringField("decidingRow", d.decidingRow());
            strings(g, "reasons", d.reasons());
            strings(g, "noteFindings", d.noteFindings().stream().map(NoteCode::name).toList());
            strings(g, "firedRules", d.firedRules());
            g.writeNumberField("millis", Math.round(d.millis() * 1000) / 1000.0);
            g.writeBooleanField("personal", personal);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /**
     * Reads one line back.
     *
     * @throws IllegalArgumentException naming what is wrong, if the line is not a decision
     */
    public static Logged read(String line) {
        JsonNode root;
        try {
            root = Json.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode situation = root.get("situation");
        if (situation == null || !situation.isObject()) {
            throw new IllegalArgumentException("no situation object");
        }
        Situation s;
        try {
            s = SituationJson.read(situation.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidSituationException e) {
            throw new IllegalArgumentException("its situation is not valid: " + e.getMessage());
        }
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(text(root, "verdict"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verdict is not one of " + java.util.Arrays.toString(Verdict.values()));
        }
        JsonNode days = root.get("actInDays");
        if (days != null && !days.isNull() && !days.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("actInDays is not an integer");
        }
        JsonNode reasons = root.get("reasons");
        if (reasons == null || !reasons.isArray()) {
            throw new IllegalArgumentException("no reasons list");
        }
        List<String> items = new ArrayList<>();
        reasons.forEach(r -> items.add(r.asText()));
        return new Logged(optional(root, "requestId"), text(root, "rulesVersion"), s, note(root.get("note")), verdict,
                days == null || days.isNull() ? null : days.intValue(), optional(root, "decidingRow"), items);
    }

    private static Note note(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject() || !n.path("length").canConvertToExactIntegral()) {
            throw new IllegalArgumentException("note is not an object with a length");
        }
        return new Note(n.get("length").intValue(), n.path("generic").asBoolean(), n.path("nameGiven").asBoolean(),
                n.path("nameMissing").asBoolean(), n.path("nameMisspelled").asBoolean(), n.path("mentionsMeeting").asBoolean(),
                n.path("mentionsThanks").asBoolean(), n.path("misspelledWord").textValue(), n.path("misspelledName").textValue());
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return v.textValue();
    }

    private static String optional(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || !v.isTextual() ? null : v.textValue();
    }
}
