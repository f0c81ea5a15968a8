package dev.connectadvisor.internal.json;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Situation fields by their contract names, and strict conversion of text to their values,
 * shared by every text input (CLI flags, scenario tables). No coercion: "yes" is not a boolean,
 * "5.0" is not an integer.
 */
public final class Fields {
    /** The Situation fields in the contract's order. */
    public static final List<String> NAMES = List.of("daysUntilInterview", "interviewDate", "today",
            "directInterviewer", "existingRelationship", "hasReferral", "toldNotToConnect", "profileUpToDate",
            "priorRequest", "applicationRejected", "interviewerSeemedHesitant", "followUpsSent",
            "interviewerName", "note");

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Fields() {
    }

    /**
     * A Situation from fields in their text form (by contract name, in any order); the fields not
     * given take their defaults.
     *
     * @throws InvalidSituationException for the first value that does not convert, or from the
     *     Situation's own validation
     */
    public static Situation situation(Map<String, String> fields) {
        Situation.Builder builder = Situation.builder();
        fields.forEach((field, text) -> set(builder, field, text));
        return builder.build();
    }

    /** Sets one field from its text form; the builder is left unchanged when the text is bad. */
    public static void set(Situation.Builder builder, String field, String text) {
        switch (field) {
            case "daysUntilInterview" -> builder.daysUntilInterview(integer(field, text, "from -365 to 365"));
            case "interviewDate" -> builder.interviewDate(date(field, text));
            case "today" -> builder.today(date(field, text));
            case "directInterviewer" -> builder.directInterviewer(bool(field, text));
            case "existingRelationship" -> builder.existingRelationship(bool(field, text));
            case "hasReferral" -> builder.hasReferral(bool(field, text));
            case "toldNotToConnect" -> builder.toldNotToConnect(bool(field, text));
            case "profileUpToDate" -> builder.profileUpToDate(bool(field, text));
            case "priorRequest" -> builder.priorRequest(priorRequest(field, text));
            case "applicationRejected" -> builder.applicationRejected(bool(field, text));
            case "interviewerSeemedHesitant" -> builder.interviewerSeemedHesitant(bool(field, text));
            case "followUpsSent" -> builder.followUpsSent(integer(field, text, "from 0 to 100"));
            case "interviewerName" -> builder.interviewerName(text(field, text));
            case "note" -> builder.note(text(field, text));
            default -> throw new InvalidSituationException(ErrorCode.UNKNOWN_FIELD, field,
                    "unknown field " + field + "; allowed: " + String.join(", ", NAMES));
        }
    }

    /** A plain integer (no sign but "-", no leading zeros, no fraction). */
    public static int integer(String field, String text, String allowed) {
        if (!INTEGER.matcher(text).matches()) {
            throw invalid(field, "\"" + text + "\" is not an integer; allowed: an integer " + allowed);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(field, text + " is out of range; allowed: an integer " + allowed);
        }
    }

    /** Text that is Unicode: a lone surrogate (JSON's "\\ud800" escape) names no character. */
    static String text(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(field, field + " holds a lone surrogate (\\u" + Integer.toHexString(c)
                        + ") at character " + (i + 1) + "; allowed: Unicode text");
            }
        }
        return text;
    }

    static boolean bool(String field, String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(field, "\"" + text + "\" is not a boolean; allowed: true or false");
        };
    }

    /** A real ISO date, YYYY-MM-DD. */
    public static LocalDate date(String field, String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // fall through: a well-formed but impossible date, such as 2026-02-30
            }
        }
        throw invalid(field, "\"" + text + "\" is not a date; allowed: an ISO date YYYY-MM-DD");
    }

    static PriorRequest priorRequest(String field, String text) {
        for (PriorRequest value : PriorRequest.values()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw invalid(field, "\"" + text + "\" is not a prior request state; allowed: NONE, PENDING, ACCEPTED, DECLINED");
    }

    static InvalidSituationException invalid(String field, String message) {
        return new InvalidSituationException(ErrorCode.INVALID_VALUE, field, message);
    }
}
