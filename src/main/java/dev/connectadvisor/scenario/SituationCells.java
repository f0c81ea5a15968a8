package dev.connectadvisor.scenario;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A row's Situation cells turned into a {@link Situation}, as strictly as the JSON input:
 * {@code true}/{@code false} only, plain integers only, real ISO dates only, enum values as
 * spelled. A cell that does not convert is an {@code INVALID_VALUE} of its field, which an
 * {@code error} row can expect.
 */
final class SituationCells {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private SituationCells() {
    }

    /**
     * @param given the non-blank Situation cells by field name; every other field takes its default
     * @throws InvalidSituationException for the first cell that does not convert (in the
     *     contract's field order), or from the Situation's own validation
     */
    static Situation toSituation(Map<String, String> given) {
        Situation.Builder b = Situation.builder();
        for (Map.Entry<String, String> cell : given.entrySet()) {
            String field = cell.getKey();
            String v = cell.getValue();
            switch (field) {
                case "daysUntilInterview" -> b.daysUntilInterview(integer(field, v));
                case "interviewDate" -> b.interviewDate(date(field, v));
                case "today" -> b.today(date(field, v));
                case "directInterviewer" -> b.directInterviewer(bool(field, v));
                case "existingRelationship" -> b.existingRelationship(bool(field, v));
                case "hasReferral" -> b.hasReferral(bool(field, v));
                case "toldNotToConnect" -> b.toldNotToConnect(bool(field, v));
                case "profileUpToDate" -> b.profileUpToDate(bool(field, v));
                case "priorRequest" -> b.priorRequest(priorRequest(field, v));
                case "applicationRejected" -> b.applicationRejected(bool(field, v));
                case "interviewerSeemedHesitant" -> b.interviewerSeemedHesitant(bool(field, v));
                case "followUpsSent" -> b.followUpsSent(integer(field, v));
                case "interviewerName" -> b.interviewerName(v);
                case "note" -> b.note(v);
                default -> throw new IllegalArgumentException("not a Situation field: " + field);
            }
        }
        return b.build();
    }

    static boolean bool(String field, String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(field, v, "true or false");
        };
    }

    static int integer(String field, String v) {
        if (INTEGER.matcher(v).matches()) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException tooLarge) {
                // reported below, like any other bad integer
            }
        }
        throw invalid(field, v, "a whole number such as 5 or -2");
    }

    static LocalDate date(String field, String v) {
        if (DATE.matcher(v).matches()) {
            try {
                return LocalDate.parse(v, ISO_DATE);
            } catch (DateTimeParseException noSuchDay) {
                // reported below, like any other bad date
            }
        }
        throw invalid(field, v, "a real date as YYYY-MM-DD");
    }

    private static PriorRequest priorRequest(String field, String v) {
        for (PriorRequest p : PriorRequest.values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw invalid(field, v, "NONE, PENDING, ACCEPTED or DECLINED");
    }

    private static InvalidSituationException invalid(String field, String v, String allowed) {
        return new InvalidSituationException(ErrorCode.INVALID_VALUE, field,
                field + " is \"" + v + "\"; allowed: " + allowed);
    }
}
