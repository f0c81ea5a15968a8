package dev.connectadvisor.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Situation from JSON, strictly (docs/contract.md): an object of known fields with values of
 * exactly the right type, no nulls, no duplicate keys, nothing after the object.
 */
public final class SituationJson {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*?)'");

    private SituationJson() {
    }

    /**
     * @throws InvalidSituationException with the contract's code and field for any bad input
     */
    public static Situation read(byte[] json) {
        return read(json, SituationFields.ALL);
    }

    /** As {@link #read(byte[])}, for a Situation of these fields (the field guard test adds one). */
    public static Situation read(byte[] json, List<Field> fields) {
        JsonNode root;
        try {
            root = Json.readTree(utf8(json));
        } catch (StreamConstraintsException e) {
            throw malformed(null, limit(String.valueOf(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw malformed(duplicate.group(1), "the key " + duplicate.group(1) + " appears twice; give each field once");
            }
            throw malformed(null, "not valid JSON" + where(e.getLocation()) + ": " + problem(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw malformed(null, "the JSON could not be read; send one object with the situation's fields");
        }
        if (root == null || root.isMissingNode()) {
            throw malformed(null, "no JSON given; expected one object with the situation's fields");
        }
        if (!root.isObject()) {
            throw malformed(null, "expected a JSON object with the situation's fields, got " + kind(root));
        }
        return read(root, fields);
    }

    /**
     * The bytes as UTF-8 text, strictly (JSON between systems is UTF-8, RFC 8259; we never guess):
     * Jackson alone would detect and accept UTF-16 and UTF-32, and let overlong forms, encoded
     * surrogates and code points above U+10FFFF through. UTF-16/32 byte order marks are not UTF-8;
     * a NUL byte decodes, and the parser then rejects it. A leading UTF-8 BOM is dropped.
     */
    private static String utf8(byte[] json) {
        ByteBuffer bytes = ByteBuffer.wrap(json);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw malformed(null, "the input is not UTF-8 text (byte " + (bytes.position() + 1)
                    + " starts no valid UTF-8 sequence); send JSON encoded in UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Situation read(JsonNode object, List<Field> fields) {
        Situation.Builder builder = Situation.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Field field = SituationFields.named(entry.getKey(), fields);
            field.setter().accept(builder, field.parse(text(field, entry.getValue())));
        }
        return builder.build();
    }

    /** The value as the text form {@link Field#parse} converts, after checking its JSON type. */
    private static String text(Field field, JsonNode value) {
        if (value.isNull()) {
            throw field.invalid(field.name() + " is null; leave the field out to take its default");
        }
        boolean typed = switch (field.type()) {
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING, DATE, ENUM -> value.isTextual();
        };
        if (!typed) {
            String wanted = switch (field.type()) {
                case INTEGER -> "an integer";
                case BOOLEAN -> "true or false";
                default -> "a string";
            };
            throw field.invalid(field.name() + " must be " + wanted + ", got " + kind(value));
        }
        return value.isTextual() ? value.textValue() : value.asText();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number with a fraction";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    private static InvalidSituationException malformed(String field, String message) {
        return new InvalidSituationException(ErrorCode.MALFORMED_JSON, field, message);
    }

    /** What the parser found, in the project's words (never the parser's own, which name its classes and features). */
    private static final List<Map.Entry<Pattern, String>> PROBLEMS = List.of(
            Map.entry(Pattern.compile("end-of-input.*(closing quote|string)"), "the text ends inside a string; close it with a double quote"),
            Map.entry(Pattern.compile("end-of-input"), "the text ends before the object is complete; close it with }"),
            Map.entry(Pattern.compile("^Trailing token"), "there is more after the object; send one object"),
            Map.entry(Pattern.compile("^Non-standard token '([^']*)'"), "'$1' is not a JSON number"),
            Map.entry(Pattern.compile("^Unrecognized token '([^']*)'"),
                    "'$1' is not a JSON value; write text in double quotes, and true, false or a number bare"),
            Map.entry(Pattern.compile("plus signs"), "a number may not start with +"),
            Map.entry(Pattern.compile("Leading zeroes"), "a number may not start with 0 (write 7, not 07)"),
            Map.entry(Pattern.compile("No digit following"), "a minus sign must be followed by digits"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*double-quote to start field name"),
                    "a field name must be in double quotes, found '$1'"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*colon"),
                    "a colon must follow the field name, found '$1'"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*comma"),
                    "a comma or } must follow a value, found '$1'"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*comment"),
                    "comments are not JSON, found '$1'"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*hex-digit"),
                    "a \\u escape needs four hexadecimal digits, found '$1'"),
            Map.entry(Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)"),
                    "unexpected character '$1' where a value belongs (an object, text in double quotes, a number, true or false)"),
            Map.entry(Pattern.compile("^Unexpected close marker '(.)'"), "'$1' closes nothing that is open"),
            Map.entry(Pattern.compile("^Unrecognized character escape '(.*?)'"),
                    "\\$1 is not an escape; allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
            Map.entry(Pattern.compile("unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)"),
                    "a control character (code $1) inside a string; escape it, e.g. \\n"),
            Map.entry(Pattern.compile("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)"),
                    "a control character (code $1) between values; only spaces, tabs and line breaks may stand there"));

    private static String problem(String parser) {
        for (Map.Entry<Pattern, String> problem : PROBLEMS) {
            Matcher m = problem.getKey().matcher(parser);
            if (m.find()) {
                return expand(m, problem.getValue());
            }
        }
        return "the text is not JSON; send one object with the situation's fields";
    }

    private static String expand(Matcher m, String template) {
        String out = template;
        for (int g = m.groupCount(); g >= 1; g--) {
            out = out.replace("$" + g, m.group(g) == null ? "" : m.group(g));
        }
        return out;
    }

    private static String limit(String parser) {
        if (parser.contains("nesting depth")) {
            return "the JSON is nested too deep; a situation is one flat object";
        }
        if (parser.contains("Name length")) {
            return "a field name is far too long; allowed: the situation's field names";
        }
        if (parser.contains("Number value length")) {
            return "a number is far too long; allowed: numbers within the fields' ranges";
        }
        return "the JSON is larger than any situation can be";
    }

    private static String where(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
