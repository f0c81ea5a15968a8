package dev.connectadvisor.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.json.AdviceJson;
import dev.connectadvisor.json.Fields;
import java.nio.file.Path;
import java.util.Map;

/** Advice for one situation given as flags or JSON: shared by {@code advise} and its quick path. */
final class OneSituation {
    private OneSituation() {
    }

    /** The situation from flags given by contract field name, in the contract's order. */
    static Situation fromFlags(Map<String, String> flags) {
        Situation.Builder builder = Situation.builder();
        flags.forEach((field, text) -> Fields.set(builder, field, text));
        return builder.build();
    }

    /** Advises on the flags' situation; prints readable advice or JSON; returns the exit code. */
    static int adviseFlags(Main.Io io, Map<String, String> flags, boolean asJson, Path rules) {
        Situation situation;
        try {
            situation = fromFlags(flags);
        } catch (InvalidSituationException e) {
            return reject(io, e, asJson);
        }
        return advise(io, situation, asJson, rules);
    }

    static int advise(Main.Io io, Situation situation, boolean asJson, Path rules) {
        Advice advice;
        try {
            // one situation: the cache could only cost start-up time
            advice = advisor(rules).withCache(false).advise(situation);
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
            io.err().println("connect-advisor: " + e.code() + " " + e.field() + ": " + e.getMessage());
        }
        return Main.BAD_INPUT;
    }

    static ConnectAdvisor advisor(Path rules) {
        return rules == null ? ConnectAdvisor.fromClasspath() : ConnectAdvisor.fromDirectory(rules);
    }
}
