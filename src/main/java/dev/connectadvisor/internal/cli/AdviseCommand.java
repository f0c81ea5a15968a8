package dev.connectadvisor.internal.cli;

import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.JsonlBatch;
import dev.connectadvisor.internal.json.SituationJson;
import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code advise}: one situation from flags or JSON, or a JSONL batch. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Advice for one situation (from flags, or JSON with --input), or a JSONL batch (--jsonl).",
                "Exit codes: 0 ok, 2 bad input or usage, 3 the rules do not compile, 70 internal error."})
public final class AdviseCommand implements Callable<Integer> {
    /** Seconds: a broken rules folder cannot hang the command. */
    static final String DEFAULT_TIMEOUT = "10";
    /**
     * JSON answers a cached batch keeps for repeated situations: about 1.2 KB each, so about 50 MB.
     * On the mixed benchmark input (137,000 distinct lines in 1,000,000), a least-recently-used
     * cache of 40,000 misses 15% of the lines where one of 10,000 missed 24% (docs/performance.md).
     */
    static final int ANSWERS_KEPT = 40_000;

    /** Help order of the options after the situation flags (which come first, in the contract's order). */
    private static final int ORDER = 1000;

    private final Main.Io io;
    private final List<Field> fields;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(order = ORDER, names = "--json", description = "Print the Advice as JSON.")
    private boolean json;
    @Option(order = ORDER, names = "--input", paramLabel = "FILE", description = "Read one Situation as JSON from FILE (- = stdin); prints JSON.")
    private String input;
    @Option(order = ORDER, names = "--jsonl", description = "Read one Situation per line (from --input, default stdin); one Advice or Error per line out.")
    private boolean jsonl;
    @Option(order = ORDER, names = "--no-cache", description = "Run the rules for every line of a --jsonl batch, even a repeated situation (the advice cache is on by default).")
    private boolean noCache;
    @Option(order = ORDER, names = "--threads", paramLabel = "N", description = "Worker threads for --jsonl (default: one per core).")
    private Integer threads;
    @Option(order = ORDER, names = "--progress", description = "Report lines done and lines/s on stderr during --jsonl (default: only when stderr is a terminal).")
    private boolean progress;
    @Option(order = ORDER, names = "--explain", description = "Also say why: for each policy row above the deciding one, the condition that did not hold; for the deciding row, the conditions that held (JSON: an extra \"explanation\" field).")
    private boolean explain;
    @Option(order = ORDER, names = "--rules", paramLabel = "DIR", description = "Load the rules from DIR instead of the built-in ones.")
    private Path rules;
    @Option(order = ORDER, names = "--timeout", paramLabel = "SECONDS", defaultValue = DEFAULT_TIMEOUT,
            description = "Give up on a situation after this many seconds (a broken rules folder cannot hang the command); default: ${DEFAULT-VALUE}.")
    private double timeoutSeconds;
    @Option(order = ORDER, names = "--plan", description = "The plan instead of today's advice: the advice of each day you act or wait for, up to six steps (JSON: a Plan).")
    private boolean plan;
    @Option(order = ORDER, names = "--ics", paramLabel = "FILE", description = "With --plan, also write its acting steps to FILE as an iCalendar file: one all-day event each.")
    private Path ics;
    @Option(order = ORDER, names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    private AdviseCommand(Main.Io io, List<Field> fields) {
        this.io = io;
        this.fields = fields;
    }

    @Override
    public Integer call() {
        Map<String, String> flags = situationFlags();
        if ((input != null || jsonl) && !flags.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "situation flags (" + String.join(", ", flags.keySet()) + ") cannot be combined with --input or --jsonl");
        }
        if (jsonl && (explain || plan)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (plan ? "--plan" : "--explain") + " works on one situation, not with --jsonl");
        }
        if (plan && explain) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plan and --explain cannot be combined: ask for one");
        }
        if (ics != null && !plan) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ics writes a plan's calendar: give --plan too");
        }
        if (jsonl) {
            return batch();
        }
        if (input != null) {
            return adviseJson();
        }
        return OneSituation.adviseFlags(io, flags, new OneSituation.Mode(json, explain, plan, ics), this::oneShotAdvisor);
    }

    private int batch() {
        try (InputStream in = open(input == null ? "-" : input)) {
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + workers);
            }
            Advisor advisor = advisor().withCache(!noCache);
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
            return OneSituation.reject(io, e, true, false);
        }
        return OneSituation.advise(io, situation, new OneSituation.Mode(true, explain, plan, ics), this::oneShotAdvisor, false);
    }

    /** One situation: the cache could only cost start-up time. */
    private Advisor oneShotAdvisor() {
        return advisor().withCache(false);
    }

    private Advisor advisor() {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be a number of seconds above 0 and at most 86400, got " + timeoutSeconds);
        }
        return OneSituation.advisor(rules, timeoutSeconds);
    }

    private InputStream open(String file) throws IOException {
        return "-".equals(file) ? io.in() : Files.newInputStream(Path.of(file));
    }

    /**
     * Adds one option per Situation field (declared in {@link SituationFields}), in the contract's
     * order, before the command's own options: a value flag takes text, a switch sets the value
     * its declaration names.
     */
    /** The {@code advise} command line: its own options and one flag per Situation field. */
    static CommandLine command(Main.Io io) {
        return command(io, SituationFields.ALL);
    }

    /** As {@link #command(Main.Io)}, for a Situation of these fields (the field guard test adds one). */
    static CommandLine command(Main.Io io, List<Field> fields) {
        AdviseCommand command = new AdviseCommand(io, fields);
        CommandLine advise = new CommandLine(command);
        addSituationFlags(advise.getCommandSpec(), fields);
        return advise;
    }

    private static void addSituationFlags(CommandLine.Model.CommandSpec spec, List<Field> fields) {
        int order = 0;
        for (Field field : fields) {
            Field.Flag flag = field.flag();
            CommandLine.Model.OptionSpec.Builder option = CommandLine.Model.OptionSpec.builder(flag.option())
                    .description(flag.help()).order(order++);
            if (flag.isSwitch()) {
                option.arity("0").type(boolean.class);
            } else {
                option.paramLabel(flag.label()).type(String.class);
            }
            spec.addOption(option.build());
        }
    }

    /**
     * The situation fields that picocli reads from {@code advise} arguments, by contract name, in
     * their text form (for the field guard test: every declared field has its flag).
     */
    public static Map<String, String> flagsOf(List<Field> fields, String... args) {
        CommandLine advise = command(new Main.Io(java.io.InputStream.nullInputStream(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false), fields);
        advise.parseArgs(args);
        return ((AdviseCommand) advise.getCommand()).situationFlags();
    }

    /** The situation flags that were given, by contract field name, in their text form. */
    private Map<String, String> situationFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        for (Field field : fields) {
            Field.Flag flag = field.flag();
            Object value = spec.findOption(flag.option()).getValue();
            if (flag.isSwitch() ? Boolean.TRUE.equals(value) : value != null) {
                flags.put(field.name(), flag.isSwitch() ? String.valueOf(flag.sets()) : (String) value);
            }
        }
        return flags;
    }
}
