package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.verify.Replay;
import dev.connectadvisor.internal.verify.VerifyReport;
import dev.connectadvisor.internal.verify.Verifier;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code verify}: the rule authors' check of a rules folder (see {@link Verifier}). */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compiles the rules, checks their metadata, runs every scenario table and reports rule coverage;"
                + " with --exhaustive walks every situation; with --baseline reports what changed;"
                + " with --replay, what changes over the situations of a decision log.",
                "Exit codes: 0 all well, 1 a check failed, 2 usage, 3 the rules do not compile."})
final class VerifyCommand implements Callable<Integer> {
    private final Main.Io io;

    @Option(names = "--rules", paramLabel = "DIR", description = "Verify the rules in DIR instead of the built-in ones.")
    private Path rules;
    @Option(names = "--exhaustive", description = "Walk every situation: exactly one verdict each, no dead rule, the decisive item in the reasons.")
    private boolean exhaustive;
    @Option(names = "--baseline", paramLabel = "DIR", description = "Compare with the rules in DIR over every situation: what changed (the impact report).")
    private Path baseline;
    @Option(names = "--replay", paramLabel = "LOG", description = {"Answer every situation of a decision log (serve --decision-log)"
            + " with these rules and report what changed: against --baseline DIR, or else against the answers the log recorded."})
    private Path replay;
    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;
    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the report as JUnit XML (for CI): a testcase per scenario row, per check and per mutation.")
    private Path junitXml;
    @Option(names = "--scenario", paramLabel = "ID", description = "Run only the scenario row of this id (repeatable); rule coverage is then not checked.")
    private List<String> scenarios = new ArrayList<>();
    @Option(names = "--mutations", description = "Take out each rule and decision-table row in turn and report every one whose removal no scenario row notices (exit 1 if any).")
    private boolean mutations;
    @Spec
    private CommandSpec spec;

    VerifyCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RuleFolder folder = rules == null ? RuleFolder.builtIn() : RuleFolder.read(rules);
        RuleFolder base = baseline == null ? null : RuleFolder.read(baseline);
        if (replay != null) {
            return replay(folder, base);
        }
        List<String> unknown = dev.connectadvisor.internal.scenario.ScenarioSuite.read(folder).unknown(scenarios);
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--scenario: no scenario row has the id"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + " (rules: " + folder.origin()
                    + "; a row's id is the first column of scenarios/*.csv)");
        }
        VerifyReport report = Verifier.verify(folder, new Verifier.Options(exhaustive, base).withMutations(mutations)
                .onlyScenarios(scenarios));
        report.lines().forEach(io.out()::println);
        io.out().flush();
        if (junitXml != null) {
            try {
                dev.connectadvisor.internal.verify.JunitXml.write(report, junitXml, Map.of("rules", folder.origin(), "rulesVersion", folder.version()));
            } catch (UncheckedIOException e) {
                io.err().println("connect-advisor: cannot write --junit-xml " + junitXml + ": " + e.getCause().getMessage());
                return ExitCode.BAD_INPUT.code();
            }
        }
        return ExitCode.of(report).code();
    }

    private int replay(RuleFolder folder, RuleFolder base) {
        if (exhaustive || mutations || junitXml != null || !scenarios.isEmpty()) {
            io.err().println("connect-advisor: --replay goes with --rules and --baseline only, not with --exhaustive, --mutations,"
                    + " --junit-xml or --scenario; run them one at a time");
            return ExitCode.BAD_INPUT.code();
        }
        try {
            Replay.run(replay, folder, base).forEach(io.out()::println);
        } catch (Replay.BadLog e) {
            io.err().println("connect-advisor: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        io.out().flush();
        return ExitCode.OK.code();
    }
}
