package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.verify.VerifyReport;
import dev.connectadvisor.internal.verify.Verifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: the rule authors' check of a rules folder (see {@link Verifier}). */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compiles the rules, checks their metadata, runs every scenario table and reports rule coverage;"
                + " with --exhaustive walks every situation; with --baseline reports what changed.",
                "Exit codes: 0 all well, 1 a check failed, 2 usage, 3 the rules do not compile."})
final class VerifyCommand implements Callable<Integer> {
    private final Main.Io io;

    @Option(names = "--rules", paramLabel = "DIR", description = "Verify the rules in DIR instead of the built-in ones.")
    private Path rules;
    @Option(names = "--exhaustive", description = "Walk every situation: exactly one verdict each, no dead rule, the decisive item in the reasons.")
    private boolean exhaustive;
    @Option(names = "--baseline", paramLabel = "DIR", description = "Compare with the rules in DIR over every situation: what changed (the impact report).")
    private Path baseline;
    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    VerifyCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RuleFolder folder = rules == null ? RuleFolder.builtIn() : RuleFolder.read(rules);
        RuleFolder base = baseline == null ? null : RuleFolder.read(baseline);
        VerifyReport report = Verifier.verify(folder, new Verifier.Options(exhaustive, base));
        report.lines().forEach(io.out()::println);
        io.out().flush();
        return ExitCode.of(report).code();
    }
}
