package dev.connectadvisor.internal.situation;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The declaration of one Situation field: everything every surface needs to know of it. JSON
 * reading and writing, the CLI flags (both parsers), the scenario-table columns, the OpenAPI
 * schema, the exhaustive walk, the playground form and the docs' field table are all derived
 * from the list in {@link SituationFields}; none of them names a field by hand.
 *
 * @param name the contract's name, e.g. {@code followUpsSent}
 * @param type the value's type
 * @param defaultValue the value when the field is left out; null where there is none
 * @param min the smallest integer, or null
 * @param max the largest integer, or the longest text in code points, or null
 * @param values the allowed values of an enum, in order; empty for other types
 * @param flag how the command line sets it
 * @param description what it means, in one sentence
 * @param onlyAfterInterview the field may differ from its default only after the interview
 *     ({@code daysUntilInterview < 0}); before it, a CONFLICT
 * @param walk the values the exhaustive walk gives it, in order, the default first
 * @param walkGroup fields of one group walk together, not crossed: the walk's k-th step gives
 *     each of them its k-th value (a note and the name it addresses); by default a field's own name
 * @param label a short label for a form (the OpenAPI title), in the person's words; by default the name
 * @param example a typical value (the OpenAPI example; the playground's first value or placeholder), or null
 * @param getter reads it from a Situation
 * @param setter sets it on a builder
 */
public record Field(String name, Type type, Object defaultValue, Integer min, Integer max, List<String> values,
        Flag flag, String description, boolean onlyAfterInterview, List<Object> walk, String walkGroup,
        String label, Object example, Function<Situation, Object> getter, BiConsumer<Situation.Builder, Object> setter) {

    /** A field's value type, with its JSON and OpenAPI names. */
    public enum Type {
        INTEGER("integer"), BOOLEAN("boolean"), STRING("string"), DATE("string"), ENUM("string");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        /** The JSON Schema type. */
        public String json() {
            return json;
        }
    }

    /**
     * How the command line sets a field.
     *
     * @param option e.g. {@code --follow-ups-sent}
     * @param label the value's label in help, e.g. {@code N}; null for a switch
     * @param sets the value a switch sets, e.g. {@code false} for {@code --not-direct-interviewer}; null for a value flag
     * @param help the flag's help line
     */
    public record Flag(String option, String label, Object sets, String help) {
        /** True for a switch: a flag without a value. */
        public boolean isSwitch() {
            return label == null;
        }
    }

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(description, "description");
        values = List.copyOf(values);
        walk = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(walk));
        if (walk.isEmpty()) {
            throw new IllegalArgumentException(name + ": the exhaustive walk needs at least one value");
        }
        walkGroup = walkGroup == null ? name : walkGroup;
        label = label == null ? name : label;
    }

    // Declarations ------------------------------------------------------------------------------

    /** An integer field from {@code min} to {@code max}. */
    public static Field integer(String name, Integer defaultValue, int min, int max, Flag flag, String description,
            List<Integer> walk, Function<Situation, Integer> getter, BiConsumer<Situation.Builder, Integer> setter) {
        return new Field(name, Type.INTEGER, defaultValue, min, max, List.of(), flag, description, false,
                List.copyOf(walk), null, null, null, getter::apply, (b, v) -> setter.accept(b, (Integer) v));
    }

    /** A boolean field; a switch flag sets it to the opposite of its default. */
    public static Field bool(String name, boolean defaultValue, Flag flag, String description,
            Function<Situation, Boolean> getter, BiConsumer<Situation.Builder, Boolean> setter) {
        return new Field(name, Type.BOOLEAN, defaultValue, null, null, List.of(), flag, description, false,
                List.of(defaultValue, !defaultValue), null, null, null, getter::apply, (b, v) -> setter.accept(b, (Boolean) v));
    }

    /** A text field of at most {@code maxChars} code points, without default; the walk gives it these values. */
    public static Field text(String name, int maxChars, Flag flag, String description, List<String> walk,
            Function<Situation, String> getter, BiConsumer<Situation.Builder, String> setter) {
        return new Field(name, Type.STRING, null, null, maxChars, List.of(), flag, description, false,
                new java.util.ArrayList<>(walk), null, null, null, getter::apply, (b, v) -> setter.accept(b, (String) v));
    }

    /** An ISO date field without default; the walk leaves it out. */
    public static Field date(String name, Flag flag, String description, Function<Situation, LocalDate> getter,
            BiConsumer<Situation.Builder, LocalDate> setter) {
        return new Field(name, Type.DATE, null, null, null, List.of(), flag, description, false,
                java.util.Collections.singletonList(null), null, null, null, getter::apply, (b, v) -> setter.accept(b, (LocalDate) v));
    }

    /** An enum field; the walk gives it every value. */
    public static <E extends Enum<E>> Field choice(String name, Class<E> type, E defaultValue, Flag flag,
            String description, Function<Situation, E> getter, BiConsumer<Situation.Builder, E> setter) {
        List<Object> all = List.of((Object[]) type.getEnumConstants());
        return new Field(name, Type.ENUM, defaultValue, null, null,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), flag, description, false, all, null,
                null, null, getter::apply, (b, v) -> setter.accept(b, type.cast(v)));
    }

    /** A value flag, e.g. {@code --follow-ups-sent N}. */
    public static Flag value(String option, String label, String help) {
        return new Flag(option, label, null, help);
    }

    /** A switch that sets the field to {@code sets}. */
    public static Flag sets(String option, Object sets, String help) {
        return new Flag(option, null, sets, help);
    }

    /** This field, which may differ from its default only after the interview. */
    public Field onlyAfter() {
        return new Field(name, type, defaultValue, min, max, values, flag, description, true, walk, walkGroup, label,
                example, getter, setter);
    }

    /** This field, walked over other values (tests walk a smaller space). */
    public Field walking(List<?> values) {
        return new Field(name, type, defaultValue, min, max, this.values, flag, description, onlyAfterInterview,
                new java.util.ArrayList<>(values), walkGroup, label, example, getter, setter);
    }

    /** This field with a short label for forms. */
    public Field labelled(String label) {
        return new Field(name, type, defaultValue, min, max, values, flag, description, onlyAfterInterview, walk, walkGroup,
                label, example, getter, setter);
    }

    /** This field with a typical value. */
    public Field example(Object example) {
        return new Field(name, type, defaultValue, min, max, values, flag, description, onlyAfterInterview, walk, walkGroup,
                label, example, getter, setter);
    }

    /** This field, walking together with the fields of {@code group} (see {@link #walkGroup()}). */
    public Field walkingWith(String group) {
        return new Field(name, type, defaultValue, min, max, values, flag, description, onlyAfterInterview, walk, group,
                label, example, getter, setter);
    }

    // Values ------------------------------------------------------------------------------------

    /** The field's value in a situation. */
    public Object get(Situation s) {
        return getter.apply(s);
    }

    /** True when a situation has this field at its default (or unset, where it has none). */
    public boolean isDefault(Situation s) {
        return Objects.equals(get(s), defaultValue);
    }

    /**
     * The value of a text form: as a flag value, a scenario-table cell or a JSON value after its
     * type was checked. Strict: no coercion ("yes" is no boolean, "5.0" no integer).
     *
     * @throws InvalidSituationException INVALID_VALUE naming this field and what is allowed
     */
    public Object parse(String text) {
        return switch (type) {
            case INTEGER -> {
                if (!INTEGER.matcher(text).matches()) {
                    throw invalid("\"" + text + "\" is not an integer; allowed: " + allowed());
                }
                try {
                    yield Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw invalid(text + " is out of range; allowed: " + allowed());
                }
            }
            case BOOLEAN -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid("\"" + text + "\" is not a boolean; allowed: " + allowed());
            };
            case DATE -> parseDate(name, text);
            case ENUM -> {
                if (!values.contains(text)) {
                    throw invalid("\"" + text + "\" is not a valid " + name + "; allowed: " + allowed());
                }
                yield Arrays.stream(((Enum<?>) walk.get(0)).getDeclaringClass().getEnumConstants())
                        .filter(e -> e.name().equals(text)).findFirst().orElseThrow();
            }
            case STRING -> unicode(text);
        };
    }

    /** A real ISO date, YYYY-MM-DD, for this or another date column ({@code actOn}). */
    public static LocalDate parseDate(String field, String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // fall through: a well-formed but impossible date, such as 2026-02-30
            }
        }
        throw new InvalidSituationException(ErrorCode.INVALID_VALUE, field,
                "\"" + text + "\" is not a date; allowed: an ISO date YYYY-MM-DD");
    }

    /** Text that is Unicode: a lone surrogate (JSON's "\\ud800" escape) names no character. */
    private String unicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(name + " holds a lone surrogate (\\u" + Integer.toHexString(c) + ") at character "
                        + (i + 1) + "; allowed: Unicode text");
            }
        }
        return text;
    }

    /**
     * Checks a value the Situation holds against the field's range, length or values.
     *
     * @throws InvalidSituationException INVALID_VALUE naming this field
     */
    public void check(Object value) {
        switch (type) {
            case INTEGER -> {
                if (value != null) {
                    int n = (Integer) value;
                    if (n < min || n > max) {
                        throw invalid(n + " is out of range; allowed: " + min + " to " + max);
                    }
                }
            }
            case STRING -> {
                if (value != null) {
                    String s = (String) value;
                    int length = s.codePointCount(0, s.length());
                    if (length > max) {
                        throw invalid(name + " has " + length + " characters; allowed: at most " + max);
                    }
                }
            }
            case ENUM -> {
                if (value == null) {
                    throw invalid(name + " must be one of " + String.join(", ", values));
                }
            }
            default -> {
                // booleans and dates hold any value
            }
        }
    }

    /** What the field allows, for messages and help: {@code an integer from 0 to 100}. */
    public String allowed() {
        return switch (type) {
            case INTEGER -> "an integer from " + min + " to " + max;
            case BOOLEAN -> "true or false";
            case STRING -> "text of at most " + max + " characters";
            case DATE -> "an ISO date YYYY-MM-DD";
            case ENUM -> String.join(", ", values);
        };
    }

    /** An INVALID_VALUE error naming this field. */
    public InvalidSituationException invalid(String message) {
        return new InvalidSituationException(ErrorCode.INVALID_VALUE, name, message);
    }
}
