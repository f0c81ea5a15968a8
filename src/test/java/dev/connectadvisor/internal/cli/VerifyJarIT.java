package dev.connectadvisor.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} from the real jar: the decision tables compile from the shaded jar (its merged
 * service files), and a broken table cell is located there too.
 */
class VerifyJarIT {
    private static final Path JAR = Path.of("target", "connect-advisor.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("verify finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }

    @Test
    void verify_builtInRules_exits0_withTheSummaryLine() throws Exception {
        Run run = run("verify");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ rules, \\d+ scenarios: \\d+ passed, 0 failed$");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verify_brokenTableCell_exits3_withRowAndColumn() throws Exception {
        RulesCopy copy = RulesCopy.of(dir).replace("verdict-policy.drl.csv",
                "B6 You have a referral: do not go over their head,$d >= 0,,,,,,true,",
                "B6 You have a referral: do not go over their head,$d >= 0,,,,,,treu,");

        Run run = run("verify", "--rules", copy.dir().toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("verdict-policy.drl.csv: row 18, column H: ");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
