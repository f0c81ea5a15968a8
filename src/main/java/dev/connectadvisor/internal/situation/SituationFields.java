package dev.connectadvisor.internal.situation;

import static dev.connectadvisor.internal.situation.Field.sets;
import static dev.connectadvisor.internal.situation.Field.value;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Situation's fields, declared once, in the contract's order. To add a field: declare it
 * here, add it to the {@link Situation} record and its builder, and use it in the rules; every
 * surface (JSON, both CLI parsers, scenario columns, OpenAPI, the exhaustive walk, the
 * playground, the docs) takes it from this list, and a guard test names any that does not.
 */
public final class SituationFields {
    /** The drafts the exhaustive walk checks: none, LinkedIn's stock text, and a long one that misspells the name. */
    public static final String STOCK_NOTE = "Hi Sarah, I'd like to add you to my professional network.";
    public static final String LONG_MISSPELLED_NOTE = "Dear Sara, " + ("I have followed the work of your"
            + " data platform group for a long time and I would be glad to connect here. ").repeat(4);

    public static final List<Field> ALL = List.of(
            Field.integer("daysUntilInterview", null, -Situation.MAX_DAYS, Situation.MAX_DAYS,
                    value("--days-until-interview", "N", "Days until the interview: 0 = today, negative = days since it (-365..365)."),
                    "Days until the interview: 0 is today, a negative number the days since it. Required unless interviewDate is given.",
                    IntStream.rangeClosed(-30, 30).boxed().toList(), Situation::daysUntilInterview,
                    Situation.Builder::daysUntilInterview).labelled("Days until the interview").example(10),
            Field.date("interviewDate",
                    value("--interview-date", "YYYY-MM-DD", "The interview's date, instead of --days-until-interview."),
                    "The interview's date, instead of daysUntilInterview.", Situation::interviewDate,
                    Situation.Builder::interviewDate).labelled("or the interview's date"),
            Field.date("today",
                    value("--today", "YYYY-MM-DD", "Today's date (with --interview-date); default: the system clock's date."),
                    "Today's date, only with interviewDate; default: the system clock's date.", Situation::today,
                    Situation.Builder::today).labelled("Today's date (with the interview's date)"),
            Field.bool("directInterviewer", true,
                    sets("--not-direct-interviewer", false, "This person does not interview you."),
                    "This person interviews (or interviewed) you.", Situation::directInterviewer,
                    Situation.Builder::directInterviewer).labelled("They interview me (or did)"),
            Field.bool("existingRelationship", false,
                    sets("--existing-relationship", true, "You already know them."),
                    "You already know them.", Situation::existingRelationship, Situation.Builder::existingRelationship).labelled("I already know them"),
            Field.bool("hasReferral", false,
                    sets("--referral", true, "You have a referral contact at the company."),
                    "You have a referral contact at the company.", Situation::hasReferral, Situation.Builder::hasReferral).labelled("I have a referral contact at the company"),
            Field.bool("toldNotToConnect", false,
                    sets("--told-not-to-connect", true, "You were explicitly told not to connect with interviewers."),
                    "You were explicitly told not to connect with interviewers.", Situation::toldNotToConnect,
                    Situation.Builder::toldNotToConnect).labelled("I was told not to connect with interviewers"),
            Field.bool("profileUpToDate", true,
                    sets("--profile-outdated", false, "Your own LinkedIn profile is out of date."),
                    "Your own LinkedIn profile is current.", Situation::profileUpToDate, Situation.Builder::profileUpToDate).labelled("My own profile is up to date"),
            Field.choice("priorRequest", PriorRequest.class, PriorRequest.NONE,
                    value("--prior-request", "STATE", "The request you sent before the interview: NONE, PENDING, ACCEPTED, DECLINED."),
                    "The connection request you sent them before the interview; DECLINED means they turned it down.",
                    Situation::priorRequest, Situation.Builder::priorRequest).labelled("My request before the interview"),
            Field.bool("applicationRejected", false,
                    sets("--application-rejected", true, "The company turned you down (after the interview only)."),
                    "The company turned you down (only after the interview).", Situation::applicationRejected,
                    Situation.Builder::applicationRejected).onlyAfter().labelled("The company turned me down"),
            Field.bool("interviewerSeemedHesitant", false,
                    sets("--hesitant", true, "They seemed hesitant about connecting with you."),
                    "They seemed hesitant about connecting with you.", Situation::interviewerSeemedHesitant,
                    Situation.Builder::interviewerSeemedHesitant).labelled("They seemed hesitant about connecting"),
            Field.integer("followUpsSent", 0, 0, Situation.MAX_FOLLOW_UPS,
                    value("--follow-ups-sent", "N", "Requests and messages sent to them since the interview (0..100)."),
                    "Requests and messages you sent them since the interview (only after it).", List.of(0, 1, 2),
                    Situation::followUpsSent, Situation.Builder::followUpsSent).onlyAfter()
                    .labelled("Follow-ups sent since the interview"),
            Field.text("interviewerName", Situation.MAX_NAME_CHARS,
                    value("--interviewer-name", "NAME", "Their name, to check the note's spelling."),
                    "Their name as they write it, to check the note's spelling.",
                    java.util.Arrays.asList(null, "Sarah Lee", "Sarah Lee"),
                    Situation::interviewerName, Situation.Builder::interviewerName).walkingWith("note")
                    .labelled("Their name").example("Sarah Lee"),
            Field.text("note", Situation.MAX_NOTE_CHARS,
                    value("--note", "TEXT", "Your draft invitation or message, to check."),
                    "Your draft invitation or message, to check.",
                    java.util.Arrays.asList(null, STOCK_NOTE, LONG_MISSPELLED_NOTE),
                    Situation::note, Situation.Builder::note).labelled("My draft note")
                    .example("Hi Sarah, looking forward to our interview on Friday!"),
            Field.text("yourName", Situation.MAX_YOUR_NAME_CHARS,
                    value("--your-name", "NAME", "Your own name, to sign the suggested note."),
                    "Your own name, to sign the suggested note.", java.util.Collections.singletonList(null),
                    Situation::yourName, Situation.Builder::yourName).labelled("My name").example("Alex Kim"),
            Field.text("company", Situation.MAX_COMPANY_CHARS,
                    value("--company", "NAME", "The company you interview with, for the suggested note."),
                    "The company you interview with, for the suggested note.", java.util.Collections.singletonList(null),
                    Situation::company, Situation.Builder::company).labelled("The company").example("Acme"),
            Field.text("role", Situation.MAX_ROLE_CHARS,
                    value("--role", "TITLE", "The role you interview for, for the suggested note."),
                    "The role you interview for, for the suggested note.", java.util.Collections.singletonList(null),
                    Situation::role, Situation.Builder::role).labelled("The role").example("Data Engineer"),
            Field.text("topic", Situation.MAX_TOPIC_CHARS,
                    value("--topic", "TEXT", "Something specific from the conversation, for a note after it."),
                    "Something specific you talked about, for a note after the interview.",
                    java.util.Collections.singletonList(null), Situation::topic, Situation.Builder::topic)
                    .labelled("Something we talked about").example("the streaming platform"));

    private static final Map<String, Field> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Field::name, Function.identity()));

    /** The names, in the contract's order. */
    public static final List<String> NAMES = ALL.stream().map(Field::name).toList();

    /** The personal text: left out of a decision log unless {@code --log-personal-data} (the rules' reading of the note stays). */
    public static final java.util.Set<String> PERSONAL = java.util.Set.of("interviewerName", "note", "yourName", "topic");

    /** Every field but the personal text. */
    public static final List<Field> NOT_PERSONAL = ALL.stream().filter(f -> !PERSONAL.contains(f.name())).toList();

    private SituationFields() {
    }

    /** The field of this name. */
    public static Optional<Field> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The field of this name, or UNKNOWN_FIELD naming it and what is allowed. */
    public static Field named(String name) {
        return named(name, ALL);
    }

    /** The field of this name among {@code fields}, or UNKNOWN_FIELD naming it and what is allowed. */
    public static Field named(String name, List<Field> fields) {
        Field field = fields == ALL ? BY_NAME.get(name)
                : fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (field == null) {
            throw new InvalidSituationException(ErrorCode.UNKNOWN_FIELD, name, "unknown field " + name + "; allowed: "
                    + String.join(", ", fields.stream().map(Field::name).toList()));
        }
        return field;
    }

    /** The field a command-line option sets, if any. */
    public static Optional<Field> byOption(String option, List<Field> fields) {
        return fields.stream().filter(f -> f.flag().option().equals(option)).findFirst();
    }

    /**
     * A Situation from fields in their text form (by contract name, in any order); the fields not
     * given take their defaults.
     *
     * @throws InvalidSituationException for the first name unknown or value that does not convert,
     *     or from the Situation's own validation
     */
    public static Situation situation(Map<String, String> fields) {
        Situation.Builder builder = Situation.builder();
        fields.forEach((name, text) -> {
            Field field = named(name);
            field.setter().accept(builder, field.parse(text));
        });
        return builder.build();
    }

    /** The checks of each field's own value, in the contract's order (used by the Situation's constructor). */
    public static void checkValues(Situation s) {
        for (Field field : ALL) {
            field.check(field.get(s));
        }
    }

    /** The fields that may differ from their default only after the interview, checked for a known day. */
    public static void checkPhase(Situation s, int knownDays) {
        if (knownDays < 0) {
            return;
        }
        for (Field field : ALL) {
            if (field.onlyAfterInterview() && !field.isDefault(s)) {
                String can = field.type() == Field.Type.INTEGER ? "above " + field.defaultValue() : String.valueOf(field.get(s));
                throw new InvalidSituationException(ErrorCode.CONFLICT, field.name(), field.name() + " can be " + can
                        + " only after the interview (daysUntilInterview < 0)");
            }
        }
    }

    /** A builder with every field at its default. */
    public static void defaults(Situation.Builder builder) {
        for (Field field : ALL) {
            field.setter().accept(builder, field.defaultValue());
        }
    }

    /** The situation's fields in a builder. */
    public static Situation.Builder copy(Situation s) {
        Situation.Builder builder = Situation.builder();
        for (Field field : ALL) {
            field.setter().accept(builder, field.get(s));
        }
        return builder;
    }
}
