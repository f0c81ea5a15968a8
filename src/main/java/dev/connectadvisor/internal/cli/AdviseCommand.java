package dev.connectadvisor.internal.cli;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.JsonlBatch;
import dev.connectadvisor.internal.json.SituationJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code advise}: one situation from flags or JSON, or a JSONL batch. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Advice for one situation (from flags, or JSON with --input), or a JSONL batch (--jsonl).",
                "Exit codes: 0 ok, 2 bad input or usage, 3 the rules do not compile, 70 internal error."})
final class AdviseCommand implements Callable<Integer> {
    /** Seconds: a broken rules folder cannot hang the command. */
    static final String DEFAULT_TIMEOUT = "10";
    /** JSON answers a cached batch keeps for repeated situations: about 1.2 KB each. */
    static final int ANSWERS_KEPT = 10_000;

    private final Main.Io io;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--days-until-interview", paramLabel = "N", description = "Days until the interview: 0 = today, negative = days since it (-365..365).")
    private String daysUntilInterview;
    @Option(names = "--interview-date", paramLabel = "YYYY-MM-DD", description = "The interview's date, instead of --days-until-interview.")
    private String interviewDate;
    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Today's date (with --interview-date); default: the system clock's date.")
    private String today;
    @Option(names = "--not-direct-interviewer", description = "This person does not interview you.")
    private boolean notDirectInterviewer;
    @Option(names = "--existing-relationship", description = "You already know them.")
    private boolean existingRelationship;
    @Option(names = "--referral", description = "You have a referral contact at the company.")
    private boolean referral;
    @Option(names = "--told-not-to-connect", description = "You were explicitly told not to connect with interviewers.")
    private boolean toldNotToConnect;
    @Option(names = "--profile-outdated", description = "Your own LinkedIn profile is out of date.")
    private boolean profileOutdated;
    @Option(names = "--prior-request", paramLabel = "STATE", description = "The request you sent before the interview: NONE, PENDING, ACCEPTED, DECLINED.")
    private String priorRequest;
    @Option(names = "--application-rejected", description = "The company turned you down (after the interview only).")
    private boolean applicationRejected;
    @Option(names = "--hesitant", description = "They seemed hesitant about connecting with you.")
    private boolean hesitant;
    @Option(names = "--follow-ups-sent", paramLabel = "N", description = "Requests and messages sent to them since the interview (0..100).")
    private String followUpsSent;
    @Option(names = "--interviewer-name", paramLabel = "NAME", description = "Their name, to check the note's spelling.")
    private String interviewerName;
    @Option(names = "--note", paramLabel = "TEXT", description = "Your draft invitation or message, to check.")
    private String note;

    @Option(names = "--json", description = "Print the Advice as JSON.")
    private boolean json;
    @Option(names = "--input", paramLabel = "FILE", description = "Read one Situation as JSON from FILE (- = stdin); prints JSON.")
    private String input;
    @Option(names = "--jsonl", description = "Read one Situation per line (from --input, default stdin); one Advice or Error per line out.")
    private boolean jsonl;
    @Option(names = "--no-cache", description = "Run the rules for every line of a --jsonl batch, even a repeated situation (the advice cache is on by default).")
    private boolean noCache;
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for --jsonl (default: one per core).")
    private Integer threads;
    @Option(names = "--progress", description = "Report lines done and lines/s on stderr during --jsonl (default: only when stderr is a terminal).")
    private boolean progress;
    @Option(names = "--explain", description = "Also say why: for each policy row above the deciding one, the condition that did not hold; for the deciding row, the conditions that held (JSON: an extra \"explanation\" field).")
    private boolean explain;
    @Option(names = "--rules", paramLabel = "DIR", description = "Load the rules from DIR instead of the built-in ones.")
    private Path rules;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = DEFAULT_TIMEOUT,
            description = "Give up on a situation after this many seconds (a broken rules folder cannot hang the command); default: ${DEFAULT-VALUE}.")
    private double timeoutSeconds;
    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    AdviseCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Map<String, String> flags = situationFlags();
        if ((input != null || jsonl) && !flags.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "situation flags (" + String.join(", ", flags.keySet()) + ") cannot be combined with --input or --jsonl");
        }
        if (jsonl && explain) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explain works on one situation, not with --jsonl");
        }
        if (jsonl) {
            return batch();
        }
        if (input != null) {
            return adviseJson();
        }
        return OneSituation.adviseFlags(io, flags, json, explain, this::oneShotAdvisor);
    }

    private int batch() {
        try (InputStream in = open(input == null ? "-" : input)) {
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + workers);
            }
            ConnectAdvisor advisor = advisor().withCache(!noCache);
            JsonlBatch batch = new JsonlBatch(advisor::advise).onThreads(workers);
            if (advisor.caching()) {
                batch.keepingAnswers(ANSWERS_KEPT);
            }
            Progress report = progress || io.errIsTerminal() ? new Progress(io.err(), io.errIsTerminal()) : null;
            if (report != null) {
                batch.reportingTo(report::add);
            }
            JsonlBatch.Result result = batch.run(in, io.out());
            if (report != null) {
                report.finish();
            }
            return ExitCode.of(result).code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int adviseJson() {
        byte[] bytes;
        try (InputStream in = open(input)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Situation situation;
        try {
            situation = SituationJson.read(bytes);
        } catch (InvalidSituationException e) {
            return OneSituation.reject(io, e, true);
        }
        return OneSituation.advise(io, situation, true, explain, this::oneShotAdvisor);
    }

    /** One situation: the cache could only cost start-up time. */
    private ConnectAdvisor oneShotAdvisor() {
        return advisor().withCache(false);
    }

    private ConnectAdvisor advisor() {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be a number of seconds above 0 and at most 86400, got " + timeoutSeconds);
        }
        return OneSituation.advisor(rules, timeoutSeconds);
    }

    private InputStream open(String file) throws IOException {
        return "-".equals(file) ? io.in() : Files.newInputStream(Path.of(file));
    }

    /** The situation flags that were given, by contract field name, in their text form. */
    private Map<String, String> situationFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "daysUntilInterview", daysUntilInterview);
        put(flags, "interviewDate", interviewDate);
        put(flags, "today", today);
        putFlag(flags, "directInterviewer", notDirectInterviewer, "false");
        putFlag(flags, "existingRelationship", existingRelationship, "true");
        putFlag(flags, "hasReferral", referral, "true");
        putFlag(flags, "toldNotToConnect", toldNotToConnect, "true");
        putFlag(flags, "profileUpToDate", profileOutdated, "false");
        put(flags, "priorRequest", priorRequest);
        putFlag(flags, "applicationRejected", applicationRejected, "true");
        putFlag(flags, "interviewerSeemedHesitant", hesitant, "true");
        put(flags, "followUpsSent", followUpsSent);
        put(flags, "interviewerName", interviewerName);
        put(flags, "note", note);
        return flags;
    }

    private static void put(Map<String, String> flags, String field, String value) {
        if (value != null) {
            flags.put(field, value);
        }
    }

    private static void putFlag(Map<String, String> flags, String field, boolean given, String value) {
        if (given) {
            flags.put(field, value);
        }
    }
}
