package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quick path for {@code advise} with flags answers exactly as picocli's full parser does, or leaves the arguments to it. */
class QuickAdviseTest {

    static Stream<String> commandLines() {
        return Stream.of(
                "advise --days-until-interview 10",
                "advise --days-until-interview 2 --json",
                "advise --json --days-until-interview -4 --prior-request ACCEPTED",
                "advise --days-until-interview -4 --follow-ups-sent 1 --application-rejected --hesitant",
                "advise --interview-date 2026-12-04 --today 2026-11-25 --prior-request PENDING --json",
                "advise --days-until-interview 2 --interviewer-name Sarah --note Hi_Sara,_I'd_like_to_add_you --debug",
                "advise --not-direct-interviewer --existing-relationship --referral --told-not-to-connect --profile-outdated --days-until-interview 5",
                "advise --days-until-interview 400",
                "advise --days-until-interview 400 --json",
                "advise --days-until-interview five",
                "advise --days-until-interview 3 --application-rejected",
                "advise --prior-request MAYBE --days-until-interview 3",
                "advise --today 2026-11-25",
                "advise --json",
                // left to picocli: a repeated flag, a value like an option, an unknown flag, help
                "advise --days-until-interview 3 --days-until-interview 4",
                "advise --referral --referral --days-until-interview 4",
                "advise --note --json --days-until-interview 4",
                "advise --days-until-interview",
                "advise --days-until-interview 3 --colour blue",
                "advise --days-until-interview=3",
                "advise --help",
                "advise",
                "");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("commandLines")
    void theQuickPath_answersAsPicocliDoes(String commandLine) {
        String[] args = split(commandLine);

        Result quick = run(args, true);
        Result full = run(args, false);

        assertThat(quick).isEqualTo(full);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("commandLines")
    void plainFlags_takeTheQuickPath_andTheRestIsLeftToPicocli(String commandLine) {
        boolean plain = commandLine.startsWith("advise --") && !commandLine.contains("--days-until-interview 3 --days")
                && !commandLine.contains("--referral --referral") && !commandLine.contains("--note --json")
                && !commandLine.endsWith("--days-until-interview") && !commandLine.contains("--colour")
                && !commandLine.contains("=") && !commandLine.contains("--help");

        assertThat(QuickAdvise.parse(split(commandLine)) != null).isEqualTo(plain);
    }

    @org.junit.jupiter.api.Test
    void everyOptionOfTheQuickPath_isAnOptionOfAdvise_withTheSameArity() {
        picocli.CommandLine.Model.CommandSpec advise = AdviseCommand.command(
                new Main.Io(new ByteArrayInputStream(new byte[0]), System.out, System.err, false)).getCommandSpec();

        assertThat(QuickAdvise.optionNames()).allSatisfy(name -> {
            assertThat(advise.optionsMap()).as("advise has %s", name).containsKey(name);
            boolean takesValue = advise.optionsMap().get(name).arity().max() > 0;
            assertThat(takesValue).as("%s takes a value", name)
                    .isEqualTo(QuickAdvise.parse(new String[] {"advise", name, "1"}) != null
                            && QuickAdvise.parse(new String[] {"advise", name}) == null);
        });
    }

    /** Splits on spaces; '_' stands for a space inside one argument. */
    private static String[] split(String commandLine) {
        if (commandLine.isEmpty()) {
            return new String[0];
        }
        return Stream.of(commandLine.split(" ")).map(a -> a.replace('_', ' ')).toArray(String[]::new);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String[] args, boolean quick) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new Main.Io(new ByteArrayInputStream(new byte[0]), o, e, false), quick);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
