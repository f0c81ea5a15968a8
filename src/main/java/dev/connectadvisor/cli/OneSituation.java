package dev.connectadvisor.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.json.AdviceJson;
import dev.connectadvisor.json.Fields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Advice for one situation given as flags or JSON: shared by {@code advise} and its quick path. */
final class OneSituation {
    private OneSituation() {
    }

    /** Advises on the flags' situation (by contract field name); prints readable advice or JSON; returns the exit code. */
    static int adviseFlags(Main.Io io, Map<String, String> flags, boolean asJson, Supplier<ConnectAdvisor> advisor) {
        Situation situation;
        try {
            situation = Fields.situation(flags);
        } catch (InvalidSituationException e) {
            return reject(io, e, asJson);
        }
        return advise(io, situation, asJson, advisor);
    }

    /** The advisor is built only once the situation is known to be valid. */
    static int advise(Main.Io io, Situation situation, boolean asJson, Supplier<ConnectAdvisor> advisor) {
        Advice advice;
        try {
            advice = advisor.get().advise(situation);
        } catch (InvalidSituationException e) {
            return reject(io, e, asJson);
        } catch (AdviceException e) {
            if (asJson) {
                io.out().println(AdviceJson.internalError(e.getMessage(), null));
            }
            io.err().println("connect-advisor: the rules gave no answer: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        io.out().println(asJson ? AdviceJson.toJson(advice, situation) : ReadableAdvice.render(advice));
        return Main.OK;
    }

    static int reject(Main.Io io, InvalidSituationException e, boolean asJson) {
        if (asJson) {
            io.out().println(AdviceJson.toJson(e, null));
        } else {
            // One line, even when the message quotes a flag value with line breaks in it.
            String message = e.getMessage().replace("\r", "\\r").replace("\n", "\\n");
            io.err().println("connect-advisor: " + e.code() + " " + e.field() + ": " + message);
        }
        return Main.BAD_INPUT;
    }

    /** The built-in rules, or those of {@code rules}, with every call bounded by {@code timeoutSeconds}. */
    static ConnectAdvisor advisor(Path rules, double timeoutSeconds) {
        ConnectAdvisor advisor = rules == null ? ConnectAdvisor.fromClasspath() : ConnectAdvisor.fromDirectory(rules);
        return advisor.withTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
    }
}
