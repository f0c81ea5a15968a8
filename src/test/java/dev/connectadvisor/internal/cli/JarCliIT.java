package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few real {@code java -jar} runs of the built jar on files of the bad-input corpus and on rules
 * that loop (the corpus runs in-process in {@link BadInputCorpusTest}: a JVM per input would take
 * minutes; {@link JarIT} covers a JSONL batch and bad JSON on stdin).
 */
class JarCliIT {
    private static final Path JAR = Path.of("target/connect-advisor.jar");
    private static final Path CASES = Path.of("src/test/resources/bad-input/cases");

    @TempDir
    Path temp;

    record Result(int exit, String out, String err) {
    }

    @Test
    void truncatedJson_exit2_withTheErrorObject_andNoStackTrace() throws Exception {
        Result r = run("advise", "--input", corpusFile("truncated-at-100").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().strip()).startsWith("{\"error\":{\"code\":\"MALFORMED_JSON\",\"field\":null,");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8_exit2_malformed() throws Exception {
        Result r = run("advise", "--input", corpusFile("bytes-latin1-in-note").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().strip()).startsWith("{\"error\":{\"code\":\"MALFORMED_JSON\"").doesNotContain("\tat ");
    }

    @Test
    void rulesThatLoop_exit70_withoutHanging() throws Exception {
        Path rules = TestRules.withFault(temp, "looping");

        Result r = run("advise", "--rules", rules.toString(), "--days-until-interview", "2", "--interviewer-name", "Loop Forever");

        assertThat(r.exit()).isEqualTo(70);
        assertThat(r.err()).contains("Fault: ").doesNotContain("\tat ");
    }

    private static Path corpusFile(String slug) throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{3}-" + slug + "\\.(json|bin)")).findFirst().orElseThrow();
        }
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out-" + System.nanoTime());
        Path err = temp.resolve("err-" + System.nanoTime());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not end within 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
