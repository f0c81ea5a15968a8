package dev.connectadvisor.internal.cli;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.Timeline;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar connect-advisor.jar COMMAND}: the command line of docs/contract.md. */
@Command(name = "connect-advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Should you connect with your interviewer on LinkedIn? Advice traced to an etiquette guide.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Timeline.mark("JVM start to main");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err, Progress.stderrIsTerminal());
        out.flush();
        Timeline.print(err);
        System.exit(code);
    }

    /** Runs one command with the given streams and returns its exit code (in-process, for tests). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, false);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
        return run(args, new Io(in, out, err, errIsTerminal), true);
    }

    /** {@code quick}: answer {@code advise} with plain flags without picocli (false in tests, to compare). */
    static int run(String[] args, Io io, boolean quick) {
        QuickAdvise.Parsed plain = quick ? QuickAdvise.parse(args) : null;
        if (plain != null) {
            int code;
            try {
                code = OneSituation.adviseFlags(io, plain.flags(), OneSituation.Mode.advice(plain.json()), () -> OneSituation.advisor(null,
                        Double.parseDouble(AdviseCommand.DEFAULT_TIMEOUT)).withCache(false));
            } catch (RuntimeException e) {
                code = failure(e, io.err(), plain.debug());
            }
            io.out().flush();
            return code;
        }
        PrintStream out = io.out();
        PrintStream err = io.err();
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("advise", AdviseCommand.command(io));
        cli.addSubcommand("verify", new VerifyCommand(io));
        cli.addSubcommand("serve", new ServeCommand(io));
        // -V and --version answer on every command, with the one version the build wrote
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cli.setParameterExceptionHandler((e, given) -> {
            err.println("connect-advisor: " + e.getMessage().replace("\n", " ").strip());
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: advise --referral?" for a mistyped flag or command
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.BAD_INPUT.code();
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, err, debug));
        int code = cli.execute(args);
        out.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: advise, verify, serve");
    }

    private static int failure(Exception e, PrintStream err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof RulesCompilationException broken) {
            for (RuleProblem problem : broken.problems()) {
                err.println(problem);
            }
            err.println("the rules do not compile: " + broken.problems().size() + " problem(s)");
            return ExitCode.RULES_BROKEN.code();
        }
        if (e instanceof UncheckedIOException io) {
            err.println("connect-advisor: cannot read " + io.getCause().getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        err.println("connect-advisor: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
        return ExitCode.INTERNAL_ERROR.code();
    }

    /** The streams of one run; {@code errIsTerminal} when err is the process's stderr on a terminal. */
    record Io(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
    }

    /** {@code --version} and {@code -V} of every command: the version the build wrote (see {@link BuildVersion}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"connect-advisor " + BuildVersion.get()};
        }
    }
}
