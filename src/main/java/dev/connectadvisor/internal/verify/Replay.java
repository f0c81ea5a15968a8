package dev.connectadvisor.internal.verify;

import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.json.DecisionJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify --replay LOG}: every situation of a decision log, answered by the rules under
 * review and compared, as the impact report compares, with the baseline rules' answer, or
 * without a baseline with the answer the log recorded.
 *
 * <p>A log written without personal data has no note text. The rules then see what the log
 * recorded of the note instead (its length and the facts the note checks match, the {@code note}
 * object of each line), so the note findings, and every reason they bring, replay as they were
 * decided; only the texts quoting a misspelled word are not rebuilt, and those are not compared.
 * The draft note, which quotes the personal text, is never compared.
 */
public final class Replay {
    /** The log cannot be read, or a line of it is not a decision; the message names the line. */
    public static final class BadLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLog(String message) {
            super(message);
        }
    }

    private Replay() {
    }

    /**
     * @param log the decision log (one JSON line per decision)
     * @param rules the rules under review
     * @param baseline the rules to compare with, or null for the answers the log recorded
     * @return the report's lines: {@code replay of LOG: N situations compared, M changed} first
     * @throws dev.connectadvisor.RulesCompilationException if either rule set does not compile
     * @throws BadLog if the log cannot be read or holds a line that is not a decision
     */
    public static List<String> run(Path log, RuleFolder rules, RuleFolder baseline) {
        Engine now = Engine.compile(RuleSafety.requireSafe(rules));
        Engine before = baseline == null ? null : Engine.compile(RuleSafety.requireSafe(baseline));
        Impact impact = new Impact(before);
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                DecisionJson.Logged logged;
                try {
                    logged = DecisionJson.read(line);
                } catch (IllegalArgumentException e) {
                    throw new BadLog(log + " line " + number + ": not a decision of a decision log: " + e.getMessage());
                }
                Situation s = logged.situation();
                Outcome answered = before == null
                        ? new Outcome(logged.verdict(), logged.actInDays(), logged.reasons(), logged.decidingRow(), null)
                        : Outcome.of(before.trace(s, logged.note()));
                impact.compare(s, answered, Outcome.of(now.trace(s, logged.note())));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadLog("cannot read " + log + (number > 0 ? " at line " + (number + 1) : "") + ": "
                    + (e.getCause() == null ? e.toString() : e.getCause().toString()));
        }
        List<String> lines = new ArrayList<>(impact.report("").lines("replay of " + log));
        lines.add("compared the rules " + now.version() + " (" + rules.origin() + ") with "
                + (before == null ? "the answers the log recorded" : "the rules " + before.version() + " (" + baseline.origin() + ")"));
        return lines;
    }
}
