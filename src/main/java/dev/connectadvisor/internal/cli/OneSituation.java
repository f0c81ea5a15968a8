package dev.connectadvisor.internal.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Plan;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.calendar.PlanCalendar;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.engine.Timeline;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Advice (or a plan) for one situation given as flags or JSON: shared by {@code advise} and its quick path. */
final class OneSituation {
    /**
     * What to print for the situation.
     *
     * @param json JSON instead of readable text
     * @param explain also why (an "Explanation:" section; JSON: an extra "explanation" field)
     * @param plan the plan instead of today's advice
     * @param ics with {@code plan}, also write its acting steps to this iCalendar file; or null
     */
    record Mode(boolean json, boolean explain, boolean plan, Path ics) {
        static Mode advice(boolean json) {
            return new Mode(json, false, false, null);
        }
    }

    private static final Pattern WORD = Pattern.compile("\\b\\w+\\b");

    private OneSituation() {
    }

    /**
     * Advises on the flags' situation (by contract field name); prints readable advice or JSON;
     * returns the exit code. A readable error names the flags, not the JSON fields.
     */
    static int adviseFlags(Main.Io io, Map<String, String> flags, Mode mode, Supplier<Advisor> advisor) {
        Situation situation;
        try {
            situation = SituationFields.situation(flags);
        } catch (InvalidSituationException e) {
            return reject(io, e, mode.json(), true);
        }
        Timeline.mark("arguments and situation");
        return advise(io, situation, mode, advisor, true);
    }

    /** The advisor is built only once the situation is known to be valid. */
    static int advise(Main.Io io, Situation situation, Mode mode, Supplier<Advisor> advisor, boolean fromFlags) {
        Advisor rules;
        String out;
        try {
            rules = advisor.get();
            Timeline.mark("advisor (time limit)");
            if (mode.plan()) {
                Plan plan = rules.plan(situation);
                if (mode.ics() != null && PlanCalendar.hasEvents(plan)) {
                    writeCalendar(mode.ics(), plan, rules.today());
                } else if (mode.ics() != null) {
                    io.err().println("connect-advisor: no calendar file written to " + mode.ics()
                            + ": the plan has no day on which to send something");
                }
                out = mode.json() ? AdviceJson.toJson(plan, situation) : ReadableAdvice.render(plan, rules::text);
            } else if (mode.explain()) {
                Explanation explanation = rules.explain(situation);
                out = mode.json() ? AdviceJson.toJson(explanation, situation)
                        : ReadableAdvice.render(explanation.advice(), situation, rules::text) + "\n\nExplanation:\n  "
                                + String.join("\n  ", explanation.lines());
            } else {
                Advice advice = rules.advise(situation);
                Timeline.mark("first evaluation");
                out = mode.json() ? AdviceJson.toJson(advice, situation) : ReadableAdvice.render(advice, situation, rules::text);
            }
        } catch (InvalidSituationException e) {
            return reject(io, e, mode.json(), fromFlags);
        } catch (AdviceException e) {
            if (mode.json()) {
                io.out().println(AdviceJson.serviceError(ServiceError.INTERNAL_ERROR, e.getMessage(), null));
            }
            io.err().println("connect-advisor: the rules gave no answer: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        io.out().println(out);
        Timeline.mark("output");
        return ExitCode.OK.code();
    }

    private static void writeCalendar(Path file, Plan plan, java.time.LocalDate today) {
        try (OutputStream out = Files.newOutputStream(file)) {
            PlanCalendar.write(plan, today, Instant.now(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " (" + e.getMessage() + ")", e));
        }
    }

    /**
     * The error: an Error object in JSON; else one line on stderr, naming the flags instead of
     * the JSON fields when the situation came from flags.
     */
    static int reject(Main.Io io, InvalidSituationException e, boolean asJson, boolean fromFlags) {
        if (asJson) {
            io.out().println(AdviceJson.toJson(e, null));
        } else {
            // One line, even when the message quotes a flag value with line breaks in it.
            String message = e.getMessage().replace("\r", "\\r").replace("\n", "\\n");
            String field = e.field();
            if (fromFlags) {
                message = flags(message);
                field = field == null ? null : SituationFields.byName(field).map(f -> f.flag().option()).orElse(field);
            }
            io.err().println("connect-advisor: " + e.code() + (field == null ? "" : " " + field) + ": " + message);
        }
        return ExitCode.BAD_INPUT.code();
    }

    /** A message with each field name it holds written as its flag: "give --days-until-interview or --interview-date". */
    private static String flags(String message) {
        Matcher words = WORD.matcher(message);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String flag = SituationFields.byName(words.group()).map(Field::flag).map(Field.Flag::option).orElse(words.group());
            words.appendReplacement(out, Matcher.quoteReplacement(flag));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** The built-in rules, or those of {@code rules}, with every call bounded by {@code timeoutSeconds}. */
    static Advisor advisor(Path rules, double timeoutSeconds) {
        Engine engine = rules == null ? Engine.builtIn() : Engine.compile(RuleFolder.read(rules));
        return Advisor.of(engine).withTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
    }
}
