package dev.connectadvisor.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, run as a user runs it ({@code java -jar target/connect-advisor.jar}): a failsafe
 * integration test, so it runs after {@code package} has built the jar.
 */
class JarIT {

    private static final Path JAR = Path.of("target", "connect-advisor.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** The outcome of one process. */
    record Run(int exit, String out, String err) {
        void hasNoStackTrace() {
            assertThat(err).doesNotContain("Exception", "\tat ");
            assertThat(out).doesNotContain("Exception", "\tat ");
        }
    }

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("run `mvn package` first").isRegularFile();
    }

    private Run run(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        if (stdin == null) {
            process.getOutputStream().close(); // an empty stdin: nothing waits for input
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the jar did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    @Test
    void readableAdvice_tenDaysAhead_saysWait() throws Exception {
        Run run = run("advise", "--days-until-interview", "10");

        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).startsWith("WAIT").contains("7 days").contains("TIP-1");
        run.hasNoStackTrace();
    }

    /**
     * One input line and what the policy answers on the output line with the same number: a
     * verdict ({@code "WAIT 7 TIP-1"}: verdict, actInDays or "-" for null, decisive item) or an
     * error ({@code "ERROR CODE field"}, field "-" for null).
     */
    record Line(String json, String expected) {
    }

    private static final List<Line> BATCH = List.of(
            new Line("{\"daysUntilInterview\": 10}", "WAIT 7 TIP-1"),                               // B9
            new Line("{\"daysUntilInterview\": 2}", "CONNECT 0 TIP-1"),                             // B10
            new Line("", "ERROR MALFORMED_JSON -"),
            new Line("{\"daysUntilInterview\": 0}", "WAIT 3 CON-7"),                                // B8
            new Line("{\"daysUntilInterview\": 5, \"priorRequest\": \"ACCEPTED\"}", "WAIT 8 AFTER-7"), // B4
            new Line("{\"daysUntilInterview\": ", "ERROR MALFORMED_JSON -"),
            new Line("{\"daysUntilInterview\": -3, \"priorRequest\": \"ACCEPTED\"}\r", "FOLLOW_UP 0 AFTER-1"), // A7, CRLF
            new Line("{\"daysUntilInterview\": 2, \"extra\": 1}", "ERROR UNKNOWN_FIELD extra"),
            new Line("{\"daysUntilInterview\": -1}", "WAIT 2 AFTER-7"),                             // A6
            new Line("{\"daysUntilInterview\": 366}", "ERROR INVALID_VALUE daysUntilInterview"),
            new Line("{\"daysUntilInterview\": -5, \"priorRequest\": \"DECLINED\", \"applicationRejected\": true}",
                    "DONT_CONNECT - REJ-0"),                                                         // A2
            new Line("{\"daysUntilInterview\": 3, \"followUpsSent\": 1}", "ERROR CONFLICT followUpsSent"),
            new Line("{\"daysUntilInterview\": 1, \"daysUntilInterview\": 1}", "ERROR MALFORMED_JSON daysUntilInterview"),
            new Line("{\"daysUntilInterview\": 2, \"toldNotToConnect\": true}", "DONT_CONNECT - TIP-5")); // B2

    @Test
    void jsonlBatch_answersLineForLine_andExits2() throws Exception {
        // Given a file of mixed lines, the last one without a newline
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < BATCH.size(); i++) {
            text.append(BATCH.get(i).json());
            if (i < BATCH.size() - 1) {
                text.append('\n');
            }
        }
        Path input = Files.writeString(dir.resolve("batch.jsonl"), text);

        // When
        Run run = run("advise", "--jsonl", "--input", input.toString());

        // Then every input line has its answer on the same output line
        assertThat(run.exit()).as("stderr: %s", run.err()).isEqualTo(2);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(BATCH.size());
        for (int i = 0; i < BATCH.size(); i++) {
            int number = i + 1;
            JsonNode answer = MAPPER.readTree(lines.get(i));
            assertThat(describe(answer)).as("line %d: %s", number, BATCH.get(i).json()).isEqualTo(BATCH.get(i).expected());
            if (answer.has("error")) {
                assertThat(answer.get("error").get("line").intValue()).as("line number of answer %d", number)
                        .isEqualTo(number);
            }
        }
        run.hasNoStackTrace();
    }

    private static String describe(JsonNode answer) {
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            return "ERROR " + error.get("code").textValue() + " "
                    + (error.get("field").isNull() ? "-" : error.get("field").textValue());
        }
        JsonNode act = answer.get("actInDays");
        return answer.get("verdict").textValue() + " " + (act.isNull() ? "-" : act.asText()) + " "
                + answer.get("reasons").get(0).get("item").textValue();
    }

    @Test
    void badFlagValue_exits2_withOneLineOnStderr_andNoStackTrace() throws Exception {
        Run run = run("advise", "--days-until-interview", "ten");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("INVALID_VALUE").contains("--days-until-interview");
        run.hasNoStackTrace();
    }

    @Test
    void unknownOption_exits2_withoutStackTrace() throws Exception {
        Run run = run("advise", "--days-until-interview", "3", "--frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        run.hasNoStackTrace();
    }

    @Test
    void badJsonOnStdin_exits2_withErrorJsonOnStdout() throws Exception {
        Path stdin = Files.writeString(dir.resolve("in.json"), "{\"daysUntilInterview\": \"3\"}");

        Run run = run(stdin, "advise", "--input", "-");

        assertThat(run.exit()).isEqualTo(2);
        JsonNode error = MAPPER.readTree(run.out()).get("error");
        assertThat(error.get("code").textValue()).isEqualTo("INVALID_VALUE");
        assertThat(error.get("field").textValue()).isEqualTo("daysUntilInterview");
        run.hasNoStackTrace();
    }
}
