package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --decision-log ...} and {@code --shadow DIR} refuse to start, with the contract's exit code, when they cannot work. */
class ServeSafeChangeFlagsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSizeThatIsNotOne_isAUsageError_namingTheFlag() {
        assertThat(run("serve", "--port", "0", "--decision-log", tmp.resolve("d.jsonl").toString(),
                "--decision-log-max-size", "lots")).isEqualTo(2);
        assertThat(err()).contains("--decision-log-max-size takes a size in bytes, or with KB, MB or GB (e.g. 100MB), got 'lots'");
    }

    @Test
    void aSizeBelow1KbOrNoFiles_isAUsageError() {
        assertThat(run("serve", "--port", "0", "--decision-log", tmp.resolve("d.jsonl").toString(),
                "--decision-log-max-size", "100")).isEqualTo(2);
        assertThat(err()).contains("--decision-log-max-size must be 1KB to 1TB, got 100 bytes");
        assertThat(run("serve", "--port", "0", "--decision-log", tmp.resolve("d.jsonl").toString(),
                "--decision-log-files", "0")).isEqualTo(2);
        assertThat(err()).contains("--decision-log-files must be 1 to 1000, got 0");
    }

    @Test
    void personalDataWithoutALog_isAUsageError() {
        assertThat(run("serve", "--port", "0", "--log-personal-data")).isEqualTo(2);
        assertThat(err()).contains("--log-personal-data needs --decision-log FILE");
    }

    @Test
    void aLogThatCannotBeOpened_isAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");

        assertThat(run("serve", "--port", "0", "--decision-log", file.resolve("d.jsonl").toString())).isEqualTo(2);
        assertThat(err()).contains("cannot open the decision log");
    }

    @Test
    void shadowRulesThatFailVerify_exit1_andThatDoNotCompile_exit3() {
        RulesCopy failing = RulesCopy.of(tmp.resolve("failing")).replace("parameters.drl.csv", "values,3,7,3,300",
                "values,3,8,3,300");
        assertThat(run("serve", "--port", "0", "--shadow", failing.dir().toString())).isEqualTo(1);
        assertThat(err()).contains("the shadow rules in").contains("fail verify").contains("EDGE-d8-too-early");

        RulesCopy broken = RulesCopy.of(tmp.resolve("broken")).replace("risks.drl",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED)",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED");
        assertThat(run("serve", "--port", "0", "--shadow", broken.dir().toString())).isEqualTo(3);
        assertThat(err()).contains("risks.drl").contains("do not compile");
    }
}
