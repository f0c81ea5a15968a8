package dev.connectadvisor.internal.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import dev.connectadvisor.internal.situation.SituationFields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Advice for one situation given as flags or JSON: shared by {@code advise} and its quick path. */
final class OneSituation {
    private OneSituation() {
    }

    /** Advises on the flags' situation (by contract field name); prints readable advice or JSON; returns the exit code. */
    static int adviseFlags(Main.Io io, Map<String, String> flags, boolean asJson, boolean explain,
            Supplier<ConnectAdvisor> advisor) {
        Situation situation;
        try {
            situation = SituationFields.situation(flags);
        } catch (InvalidSituationException e) {
            return reject(io, e, asJson);
        }
        return advise(io, situation, asJson, explain, advisor);
    }

    /**
     * The advisor is built only once the situation is known to be valid. With {@code explain},
     * also says why (readable: an "Explanation:" section; JSON: an extra "explanation" field).
     */
    static int advise(Main.Io io, Situation situation, boolean asJson, boolean explain,
            Supplier<ConnectAdvisor> advisor) {
        Advice advice;
        Explanation explanation = null;
        try {
            if (explain) {
                explanation = advisor.get().explain(situation);
                advice = explanation.advice();
            } else {
                advice = advisor.get().advise(situation);
            }
        } catch (InvalidSituationException e) {
            return reject(io, e, asJson);
        } catch (AdviceException e) {
            if (asJson) {
                io.out().println(AdviceJson.serviceError(ServiceError.INTERNAL_ERROR, e.getMessage(), null));
            }
            io.err().println("connect-advisor: the rules gave no answer: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        if (explanation != null) {
            io.out().println(asJson ? AdviceJson.toJson(explanation, situation)
                    : ReadableAdvice.render(advice) + "\n\nExplanation:\n  " + String.join("\n  ", explanation.lines()));
        } else {
            io.out().println(asJson ? AdviceJson.toJson(advice, situation) : ReadableAdvice.render(advice));
        }
        return ExitCode.OK.code();
    }

    static int reject(Main.Io io, InvalidSituationException e, boolean asJson) {
        if (asJson) {
            io.out().println(AdviceJson.toJson(e, null));
        } else {
            // One line, even when the message quotes a flag value with line breaks in it.
            String message = e.getMessage().replace("\r", "\\r").replace("\n", "\\n");
            io.err().println("connect-advisor: " + e.code() + " " + e.field() + ": " + message);
        }
        return ExitCode.BAD_INPUT.code();
    }

    /** The built-in rules, or those of {@code rules}, with every call bounded by {@code timeoutSeconds}. */
    static ConnectAdvisor advisor(Path rules, double timeoutSeconds) {
        ConnectAdvisor advisor = rules == null ? ConnectAdvisor.fromClasspath() : ConnectAdvisor.fromDirectory(rules);
        return advisor.withTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
    }
}
