package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.SituationJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus (src/test/resources/bad-input, issue 6, item 4): every malformed input gets
 * the contract's error, with the right code and field, from the JSON reader, from
 * {@code advise --input} (exit 2, the Error on stdout, no stack trace) and from {@code advise
 * --jsonl}, where every other line of the batch is still answered. The HTTP leg,
 * {@code server/BadInputHttpTest}, reuses {@link #corpus()}, {@link #GOOD_LINE} and {@link #check}.
 */
public class BadInputCorpusTest {
    public static final String GOOD_LINE = "{\"daysUntilInterview\":2}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static List<Case> cases;

    /** One malformed input and the error it must get; {@code field} is null where the contract gives none. */
    public record Case(String file, Path path, byte[] bytes, String code, String field) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void readCorpus() throws IOException, URISyntaxException {
        cases = corpus();
    }

    public static List<Case> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(BadInputCorpusTest.class.getResource("/bad-input/manifest.csv").toURI()).getParent();
        List<Case> all = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(root.resolve("manifest.csv").toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                Path path = root.resolve("cases").resolve(row.get("file"));
                String field = row.get("field");
                all.add(new Case(row.get("file"), path, Files.readAllBytes(path), row.get("code"),
                        "(null)".equals(field) ? null : unescape(field)));
            }
        }
        return all;
    }

    @Test
    void theCorpus_holdsAtLeast200DistinctInputs() {
        long distinct = cases.stream().map(c -> new String(c.bytes(), StandardCharsets.ISO_8859_1)).distinct().count();

        assertThat(distinct).isGreaterThanOrEqualTo(200);
    }

    @Test
    void aUtf8ByteOrderMark_isNotBadInput() {
        byte[] withBom = ("\uFEFF" + GOOD_LINE).getBytes(StandardCharsets.UTF_8);

        assertThat(SituationJson.read(withBom).daysUntilInterview()).isEqualTo(2);
    }

    @Test
    void theJsonReader_rejectsEveryInput_withTheContractsCodeAndField() {
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            try {
                Situation situation = SituationJson.read(c.bytes());
                advisor.advise(situation);
                wrong.add(c + ": accepted");
            } catch (InvalidSituationException e) {
                if (!e.code().name().equals(c.code()) || !Objects.equals(e.field(), c.field())) {
                    wrong.add(c + ": expected " + c.code() + " " + c.field() + ", got " + e.code() + " " + e.field()
                            + " (" + abbreviate(e.getMessage()) + ")");
                }
            } catch (RuntimeException e) {
                wrong.add(c + ": threw " + e);
            }
        }
        System.out.printf("RELIABILITY bad input, JSON reader: %d malformed inputs tried, %d wrong answers%n",
                cases.size(), wrong.size());

        assertThat(wrong).isEmpty();
    }

    @Test
    void adviseInput_answersEveryInputWithTheErrorObject_exit2_noStackTrace() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Run run = Run.of(new ByteArrayInputStream(new byte[0]), "advise", "--input", c.path().toString());
            String[] lines = run.out().split("\n");
            if (run.exit() != ExitCode.BAD_INPUT.code()) {
                wrong.add(c + ": exit " + run.exit() + " " + run.err());
            } else if (lines.length != 1) {
                wrong.add(c + ": " + lines.length + " lines out");
            } else {
                check(c, lines[0], null, wrong);
            }
            if (!run.err().isEmpty() || run.out().contains("\tat ")) {
                wrong.add(c + ": stderr or a stack trace: " + run.err());
            }
        }
        System.out.printf("RELIABILITY bad input, advise --input: %d malformed inputs tried, %d wrong answers%n",
                cases.size(), wrong.size());

        assertThat(wrong).isEmpty();
    }

    @Test
    void adviseJsonl_answersEveryLine_theBadOnesWithTheirError_theGoodOnesWithAdvice() throws IOException {
        List<Case> lines = cases.stream().filter(c -> !contains(c.bytes(), (byte) '\n')).toList();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (Case c : lines) {
            batch.write(GOOD_LINE.getBytes(StandardCharsets.UTF_8));
            batch.write('\n');
            batch.write(c.bytes());
            batch.write('\n');
        }

        Run run = Run.of(new ByteArrayInputStream(batch.toByteArray()), "advise", "--jsonl");

        String[] out = run.out().split("\n", -1);
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).isEmpty();
        assertThat(out).hasSize(2 * lines.size() + 1);
        assertThat(out[out.length - 1]).isEmpty();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!out[2 * i].startsWith("{\"verdict\":\"CONNECT\"")) {
                wrong.add("good line " + (2 * i + 1) + " before " + lines.get(i) + ": " + out[2 * i]);
            }
            check(lines.get(i), out[2 * i + 1], 2 * i + 2, wrong);
        }
        System.out.printf("RELIABILITY bad input, advise --jsonl: %d malformed lines between %d good ones, %d wrong answers%n",
                lines.size(), lines.size(), wrong.size());

        assertThat(wrong).isEmpty();
    }

    /** Words of a library's class and feature names, which no message of the project's own may carry. */
    private static final Pattern LIBRARY_WORDS = Pattern.compile("Json|jackson|Jackson|Exception|Feature|StreamRead");

    /**
     * Checks one Error line: code, field and (in JSONL) line; a message that is one plain line in
     * the project's own words (no library class or feature name).
     */
    public static void check(Case c, String line, Integer lineNumber, List<String> wrong) throws IOException {
        JsonNode error = JSON.readTree(line).path("error");
        String field = error.path("field").isNull() ? null : error.path("field").asText();
        boolean ok = c.code().equals(error.path("code").asText()) && Objects.equals(c.field(), field)
                && error.has("field") && error.path("message").isTextual() && !error.path("message").asText().isBlank()
                && !LIBRARY_WORDS.matcher(error.path("message").asText()).find()
                && (lineNumber == null ? !error.has("line") : error.path("line").asInt() == lineNumber);
        if (!ok) {
            wrong.add(c + ": expected " + c.code() + " " + c.field() + (lineNumber == null ? "" : " line " + lineNumber)
                    + ", got " + abbreviate(line));
        }
    }

    /** One in-process run of the CLI. */
    record Run(int exit, String out, String err) {
        static Run of(InputStream in, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** True if {@code bytes} holds {@code b}: a case with a newline cannot be one line of a batch. */
    public static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static String unescape(String field) {
        Matcher m = Pattern.compile("\\\\u([0-9a-f]{4})").matcher(field);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(b).toString();
    }
}
