package dev.connectadvisor.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code advise} in process through {@link Main#run}: flags, JSON input, JSONL batches, rule folders, exit codes. */
class AdviseCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path RULES = Path.of("rules");

    // ---------------------------------------------------------------- helpers

    /** The outcome of one CLI run. */
    record Run(int exit, String out, String err) {
        /** Stdout split on '\n', without the empty string after the final newline. */
        List<String> outLines() {
            List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        JsonNode json() throws IOException {
            assertThat(out).as("stdout is one JSON line").endsWith("\n");
            assertThat(out.strip()).as("stdout is one JSON line").doesNotContain("\n");
            return MAPPER.readTree(out);
        }

        void hasNoStackTrace() {
            assertThat(err).doesNotContain("Exception", "\tat ", "at dev.connectadvisor", "at picocli");
            assertThat(out).doesNotContain("Exception", "\tat ");
        }
    }

    private static Run run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    private static Run runWithStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            exit = Main.run(args, new ByteArrayInputStream(stdin), o, e);
        }
        return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    private static List<String> items(JsonNode advice, String list) {
        List<String> items = new ArrayList<>();
        advice.get(list).forEach(entry -> items.add(entry.has("item") ? entry.get("item").textValue() : entry.textValue()));
        return items;
    }

    private static List<String> codes(JsonNode advice) {
        List<String> codes = new ArrayList<>();
        advice.get("noteFindings").forEach(f -> codes.add(f.get("code").textValue()));
        return codes;
    }

    private static String decisive(JsonNode advice) {
        return advice.get("reasons").get(0).get("item").textValue();
    }

    private static void assertError(JsonNode node, String code, String field) {
        assertThat(node.has("error")).as("an Error object: %s", node).isTrue();
        JsonNode error = node.get("error");
        assertThat(error.get("code").textValue()).as("code in %s", node).isEqualTo(code);
        if (field == null) {
            assertThat(error.get("field").isNull()).as("field is null in %s", node).isTrue();
        } else {
            assertThat(error.get("field").textValue()).as("field in %s", node).isEqualTo(field);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Path copyRules(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    // ---------------------------------------------------------------- readable advice

    @Test
    void tenDaysAhead_readable_saysWaitSevenDays_citingTip1AndCon8() {
        Run run = run("advise", "--days-until-interview", "10");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WAIT").contains("7 days").contains("TIP-1").contains("CON-8");
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(headline ->
                assertThat(headline).contains("WAIT").contains("7 days"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void tenDaysAhead_json_isAdviceJson() throws IOException {
        Run run = run("advise", "--days-until-interview", "10", "--json");

        assertThat(run.exit()).isZero();
        JsonNode advice = run.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(advice.get("actInDays").intValue()).isEqualTo(7);
        assertThat(advice.get("phase").textValue()).isEqualTo("BEFORE");
        assertThat(advice.has("actOn")).isFalse();
        assertThat(items(advice, "reasons")).startsWith("TIP-1");
        assertThat(items(advice, "risks")).contains("CON-8");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void negativeDays_areAcceptedAsAFlagValue() throws IOException {
        Run run = run("advise", "--days-until-interview", "-5", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("phase").textValue()).isEqualTo("AFTER");
    }

    // ---------------------------------------------------------------- each flag maps to its contract field

    static Stream<Arguments> flagMappings() {
        return Stream.of(
                Arguments.of("--referral -> hasReferral (B6)", List.of("--days-until-interview", "2", "--referral"),
                        "DONT_CONNECT", "TIP-6"),
                Arguments.of("--not-direct-interviewer -> directInterviewer false (B1)",
                        List.of("--days-until-interview", "2", "--not-direct-interviewer"), "DONT_CONNECT", "TIP-7"),
                Arguments.of("--told-not-to-connect -> toldNotToConnect (B2)",
                        List.of("--days-until-interview", "2", "--told-not-to-connect"), "DONT_CONNECT", "TIP-5"),
                Arguments.of("--hesitant -> interviewerSeemedHesitant (B3)",
                        List.of("--days-until-interview", "2", "--hesitant"), "LET_THEM_INITIATE", "AFTER-8"),
                Arguments.of("--prior-request ACCEPTED (B4)",
                        List.of("--days-until-interview", "5", "--prior-request", "ACCEPTED"), "WAIT", "AFTER-7"),
                Arguments.of("--prior-request DECLINED (B5)",
                        List.of("--days-until-interview", "2", "--prior-request", "DECLINED"), "DONT_CONNECT", "CON-5"),
                Arguments.of("--prior-request PENDING (B7)",
                        List.of("--days-until-interview", "2", "--prior-request", "PENDING"), "WAIT", "CON-7"),
                Arguments.of("--follow-ups-sent 1 after the interview (A3)",
                        List.of("--days-until-interview", "-5", "--follow-ups-sent", "1"), "DONT_CONNECT", "AFTER-6"),
                Arguments.of("--application-rejected after the interview (A9)",
                        List.of("--days-until-interview", "-3", "--application-rejected"), "CONNECT", "AFTER-0"),
                Arguments.of("--application-rejected with a declined request (A2)",
                        List.of("--days-until-interview", "-5", "--application-rejected", "--prior-request", "DECLINED"),
                        "DONT_CONNECT", "REJ-0"),
                Arguments.of("--told-not-to-connect after the interview (A4)",
                        List.of("--days-until-interview", "-5", "--told-not-to-connect"), "LET_THEM_INITIATE", "TIP-5"),
                Arguments.of("no flags in the window (B10)", List.of("--days-until-interview", "2"), "CONNECT", "TIP-1"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("flagMappings")
    void situationFlag_mapsToItsContractField(String name, List<String> flags, String verdict, String decisiveItem)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("advise", "--json"));
        args.addAll(flags);

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exit()).as("exit; stderr: %s", run.err()).isZero();
        JsonNode advice = run.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo(verdict);
        assertThat(decisive(advice)).isEqualTo(decisiveItem);
    }

    @Test
    void applicationRejected_threeDaysAfter_givesRejectionAlternatives() throws IOException {
        JsonNode advice = run("advise", "--json", "--days-until-interview", "-3", "--application-rejected").json();

        assertThat(items(advice, "alternatives")).containsExactly("REJ-1", "REJ-2", "REJ-4", "REJ-5");
        assertThat(items(advice, "steps")).contains("REJ-2").doesNotContain("AFTER-2");
    }

    @Test
    void profileOutdated_putsTip8First_inTheSteps() throws IOException {
        JsonNode plain = run("advise", "--json", "--days-until-interview", "2").json();
        JsonNode outdated = run("advise", "--json", "--days-until-interview", "2", "--profile-outdated").json();

        assertThat(items(plain, "steps")).doesNotContain("TIP-8");
        assertThat(items(outdated, "steps")).startsWith("TIP-8");
    }

    @Test
    void existingRelationship_removesRiskCon1() throws IOException {
        JsonNode plain = run("advise", "--json", "--days-until-interview", "2").json();
        JsonNode known = run("advise", "--json", "--days-until-interview", "2", "--existing-relationship").json();

        assertThat(items(plain, "risks")).contains("CON-1");
        assertThat(items(known, "risks")).doesNotContain("CON-1").contains("CON-2");
    }

    @Test
    void interviewDateAndToday_giveActOn() throws IOException {
        Run run = run("advise", "--json", "--interview-date", "2026-03-12", "--today", "2026-03-02");

        assertThat(run.exit()).isZero();
        JsonNode advice = run.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(advice.get("actInDays").intValue()).isEqualTo(7);
        assertThat(advice.get("actOn").textValue()).isEqualTo("2026-03-09");
    }

    @Test
    void interviewDateAndToday_readable_showTheDate() {
        Run run = run("advise", "--interview-date", "2026-03-12", "--today", "2026-03-02");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WAIT").contains("2026-03-09");
    }

    @Test
    void interviewDate_withDontConnect_givesActOnNull() throws IOException {
        JsonNode advice = run("advise", "--json", "--interview-date", "2026-03-04", "--today", "2026-03-02",
                "--referral").json();

        assertThat(advice.get("verdict").textValue()).isEqualTo("DONT_CONNECT");
        assertThat(advice.has("actOn")).isTrue();
        assertThat(advice.get("actOn").isNull()).isTrue();
    }

    @Test
    void interviewerNameAndNote_giveNoteFindings() throws IOException {
        String note = "Hi Sara, looking forward to our interview.";
        JsonNode withName = run("advise", "--json", "--days-until-interview", "2",
                "--interviewer-name", "Sarah Lee", "--note", note).json();
        JsonNode withoutName = run("advise", "--json", "--days-until-interview", "2", "--note", note).json();
        JsonNode stock = run("advise", "--json", "--days-until-interview", "2",
                "--note", "I'd like to add you to my professional network on LinkedIn.").json();

        assertThat(codes(withName)).contains("NOTE_NAME_MISSING", "NOTE_NAME_MISSPELLED").doesNotContain("NOTE_NO_MEETING");
        assertThat(codes(withoutName)).doesNotContain("NOTE_NAME_MISSING", "NOTE_NAME_MISSPELLED");
        assertThat(codes(stock)).contains("NOTE_GENERIC", "NOTE_NO_MEETING");
    }

    // ---------------------------------------------------------------- bad flag values

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "5.5")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "ten")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "366")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "-366")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview",
                        List.of("--days-until-interview", "123456789012345678901234567890")),
                Arguments.of("INVALID_VALUE", "daysUntilInterview", List.of("--days-until-interview", "1\n2")),
                Arguments.of("INVALID_VALUE", "followUpsSent",
                        List.of("--days-until-interview", "-5", "--follow-ups-sent", "101")),
                Arguments.of("INVALID_VALUE", "followUpsSent",
                        List.of("--days-until-interview", "-5", "--follow-ups-sent", "-1")),
                Arguments.of("INVALID_VALUE", "followUpsSent",
                        List.of("--days-until-interview", "-5", "--follow-ups-sent", "one")),
                Arguments.of("INVALID_VALUE", "priorRequest",
                        List.of("--days-until-interview", "2", "--prior-request", "MAYBE")),
                Arguments.of("INVALID_VALUE", "priorRequest",
                        List.of("--days-until-interview", "2", "--prior-request", "pending")),
                Arguments.of("INVALID_VALUE", "interviewDate",
                        List.of("--interview-date", "2026-02-30", "--today", "2026-03-02")),
                Arguments.of("INVALID_VALUE", "interviewDate",
                        List.of("--interview-date", "2026-2-3", "--today", "2026-03-02")),
                Arguments.of("INVALID_VALUE", "today", List.of("--interview-date", "2026-03-05", "--today", "tomorrow")),
                Arguments.of("INVALID_VALUE", "interviewDate",
                        List.of("--interview-date", "2027-01-02", "--today", "2026-01-01")),
                Arguments.of("INVALID_VALUE", "interviewerName",
                        List.of("--days-until-interview", "2", "--interviewer-name", "🙂".repeat(201))),
                Arguments.of("INVALID_VALUE", "note", List.of("--days-until-interview", "2", "--note", "🙂".repeat(5001))),
                Arguments.of("MISSING_FIELD", "daysUntilInterview", List.of()),
                Arguments.of("MISSING_FIELD", "daysUntilInterview", List.of("--referral")),
                Arguments.of("CONFLICT", "today", List.of("--days-until-interview", "3", "--today", "2026-03-02")),
                Arguments.of("CONFLICT", "interviewDate",
                        List.of("--days-until-interview", "5", "--interview-date", "2026-03-10", "--today", "2026-03-02")),
                Arguments.of("CONFLICT", "applicationRejected",
                        List.of("--days-until-interview", "3", "--application-rejected")),
                Arguments.of("CONFLICT", "applicationRejected",
                        List.of("--days-until-interview", "0", "--application-rejected")),
                Arguments.of("CONFLICT", "followUpsSent", List.of("--days-until-interview", "0", "--follow-ups-sent", "1")));
    }

    @ParameterizedTest(name = "readable {0} {1}: {2}")
    @MethodSource("badFlags")
    void badFlagValue_readable_exits2_withOneLineOnStderrNamingTheFlag(String code, String field, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("advise"));
        args.addAll(flags);

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith("\n");
        assertThat(run.err().lines().toList()).as("stderr: %s", run.err()).hasSize(1);
        String flag = dev.connectadvisor.internal.situation.SituationFields.byName(field).orElseThrow().flag().option();
        assertThat(run.err()).startsWith("connect-advisor: " + code + " " + flag + ": ");
        assertThat(run.err()).as("flag mode names flags, not JSON fields").doesNotContainPattern("(?<![-\\w])" + field + "\\b");
        run.hasNoStackTrace();
    }

    @ParameterizedTest(name = "--json {0} {1}: {2}")
    @MethodSource("badFlags")
    void badFlagValue_json_exits2_withErrorJsonOnStdout(String code, String field, List<String> flags)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("advise", "--json"));
        args.addAll(flags);

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        JsonNode json = run.json();
        assertError(json, code, field);
        assertThat(json.get("error").has("line")).isFalse();
        assertThat(run.err()).isEmpty();
    }

    // ---------------------------------------------------------------- usage

    @Test
    void unknownOption_exits2() {
        Run run = run("advise", "--days-until-interview", "3", "--frobnicate");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).contains("--frobnicate");
        assertThat(run.out()).isEmpty();
        run.hasNoStackTrace();
    }

    @Test
    void missingCommand_exits2() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).isNotEmpty();
        run.hasNoStackTrace();
    }

    @Test
    void unknownCommand_exits2() {
        Run run = run("frobnicate");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        run.hasNoStackTrace();
    }

    @Test
    void flagWithoutItsValue_exits2() {
        Run run = run("advise", "--days-until-interview");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        run.hasNoStackTrace();
    }

    @Test
    void help_exits0() {
        Run run = run("advise", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--days-until-interview", "--jsonl", "--input", "--rules");
    }

    // ---------------------------------------------------------------- --input

    @Test
    void inputFile_withGoodJson_printsAdviceJson(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"daysUntilInterview\": 10}\n");

        Run run = run("advise", "--input", file.toString());

        assertThat(run.exit()).isZero();
        JsonNode advice = run.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(advice.get("actInDays").intValue()).isEqualTo(7);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void inputFile_givesTheSameBytesAsFlagsWithJson(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"),
                "{\"daysUntilInterview\": -3, \"applicationRejected\": true, \"profileUpToDate\": false}");

        Run fromFile = run("advise", "--input", file.toString());
        Run fromFlags = run("advise", "--json", "--days-until-interview", "-3", "--application-rejected", "--profile-outdated");

        assertThat(fromFile.out()).isEqualTo(fromFlags.out());
    }

    static Stream<Arguments> badJsonInputs() {
        return Stream.of(
                Arguments.of("malformed", bytes("{\"daysUntilInterview\": 3"), "MALFORMED_JSON", null),
                Arguments.of("empty", bytes(""), "MALFORMED_JSON", null),
                Arguments.of("an array", bytes("[]"), "MALFORMED_JSON", null),
                Arguments.of("duplicate key", bytes("{\"daysUntilInterview\":3,\"daysUntilInterview\":3}"),
                        "MALFORMED_JSON", "daysUntilInterview"),
                Arguments.of("invalid UTF-8", concat(bytes("{\"daysUntilInterview\":3,\"note\":\""),
                        new byte[] {(byte) 0xC3, 0x28}, bytes("\"}")), "MALFORMED_JSON", null),
                Arguments.of("unknown field", bytes("{\"daysUntilInterview\":3,\"colour\":\"red\"}"), "UNKNOWN_FIELD", "colour"),
                Arguments.of("string for integer", bytes("{\"daysUntilInterview\":\"3\"}"), "INVALID_VALUE",
                        "daysUntilInterview"),
                Arguments.of("null", bytes("{\"daysUntilInterview\":3,\"note\":null}"), "INVALID_VALUE", "note"),
                Arguments.of("missing day", bytes("{\"hasReferral\":true}"), "MISSING_FIELD", "daysUntilInterview"),
                Arguments.of("phase conflict", bytes("{\"daysUntilInterview\":2,\"followUpsSent\":1}"), "CONFLICT",
                        "followUpsSent"));
    }

    @ParameterizedTest(name = "--input FILE, {0}: {2} {3}")
    @MethodSource("badJsonInputs")
    void inputFile_withBadJson_exits2_withErrorJsonOnStdout(String name, byte[] json, String code, String field,
            @TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("s.json"), json);

        Run run = run("advise", "--input", file.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertError(run.json(), code, field);
        run.hasNoStackTrace();
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "--input -, {0}: {2} {3}")
    @MethodSource("badJsonInputs")
    void stdin_withBadJson_exits2_withErrorJsonOnStdout(String name, byte[] json, String code, String field)
            throws IOException {
        Run run = runWithStdin(json, "advise", "--input", "-");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertError(run.json(), code, field);
        run.hasNoStackTrace();
    }

    @Test
    void stdin_withGoodJson_printsAdviceJson() throws IOException {
        Run run = runWithStdin(bytes("{\"daysUntilInterview\": 2, \"hasReferral\": true}"), "advise", "--input", "-");

        assertThat(run.exit()).isZero();
        JsonNode advice = run.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo("DONT_CONNECT");
        assertThat(decisive(advice)).isEqualTo("TIP-6");
    }

    @Test
    void inputFile_thatDoesNotExist_exits2_withoutStackTrace(@TempDir Path dir) {
        Run run = run("advise", "--input", dir.resolve("missing.json").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).contains("missing.json");
        run.hasNoStackTrace();
    }

    @Test
    void situationFlags_withInput_exit2(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"daysUntilInterview\": 10}");

        Run run = run("advise", "--input", file.toString(), "--referral");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.out()).isEmpty();
        run.hasNoStackTrace();
    }

    @Test
    void situationFlags_withJsonl_exit2() {
        Run run = runWithStdin(bytes("{\"daysUntilInterview\": 10}\n"), "advise", "--jsonl", "--days-until-interview", "3");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.out()).isEmpty();
        run.hasNoStackTrace();
    }

    // ---------------------------------------------------------------- --jsonl

    /** A mixed batch: line i of the input and the expected answer on line i of the output. */
    private static byte[] mixedBatch() {
        return concat(
                bytes("{\"daysUntilInterview\": 10}\n"),                                  // 1 WAIT 7
                bytes("\n"),                                                              // 2 empty
                bytes("{\"daysUntilInterview\": 3\n"),                                    // 3 truncated
                bytes("{\"daysUntilInterview\": 2, \"colour\": \"red\"}\n"),              // 4 unknown field
                bytes("{\"daysUntilInterview\": 2, \"daysUntilInterview\": 2}\n"),        // 5 duplicate key
                bytes("{\"daysUntilInterview\": 2, \"note\": \""), new byte[] {(byte) 0xC3, 0x28}, bytes("\"}\n"), // 6 bad UTF-8
                bytes("{\"daysUntilInterview\": 2}\r\n"),                                 // 7 CONNECT, CRLF
                bytes("{\"daysUntilInterview\": -5, \"followUpsSent\": 1}\r\n"),          // 8 DONT_CONNECT AFTER-6
                bytes("{\"daysUntilInterview\": 3, \"applicationRejected\": true}\n"),    // 9 CONFLICT
                bytes("   \n"),                                                           // 10 blank
                bytes("{\"daysUntilInterview\": \"5\"}\n"),                               // 11 INVALID_VALUE
                bytes("{\"daysUntilInterview\": 2, \"hasReferral\": true}"));             // 12 DONT_CONNECT, no newline
    }

    @Test
    void jsonl_mixedBatch_answersEveryLineInOrder_andExits2() throws IOException {
        Run run = runWithStdin(mixedBatch(), "advise", "--jsonl");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.out()).endsWith("\n").doesNotContain("\r");
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(12);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : lines) {
            answers.add(MAPPER.readTree(line));
        }

        assertThat(answers.get(0).get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(answers.get(0).get("actInDays").intValue()).isEqualTo(7);
        assertError(answers.get(1), "MALFORMED_JSON", null);
        assertError(answers.get(2), "MALFORMED_JSON", null);
        assertError(answers.get(3), "UNKNOWN_FIELD", "colour");
        assertError(answers.get(4), "MALFORMED_JSON", "daysUntilInterview");
        assertError(answers.get(5), "MALFORMED_JSON", null);
        assertThat(answers.get(6).get("verdict").textValue()).isEqualTo("CONNECT");
        assertThat(answers.get(7).get("verdict").textValue()).isEqualTo("DONT_CONNECT");
        assertThat(decisive(answers.get(7))).isEqualTo("AFTER-6");
        assertError(answers.get(8), "CONFLICT", "applicationRejected");
        assertError(answers.get(9), "MALFORMED_JSON", null);
        assertError(answers.get(10), "INVALID_VALUE", "daysUntilInterview");
        assertThat(answers.get(11).get("verdict").textValue()).isEqualTo("DONT_CONNECT");
        assertThat(decisive(answers.get(11))).isEqualTo("TIP-6");

        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = answers.get(i);
            if (answer.has("error")) {
                assertThat(answer.get("error").get("line").intValue()).as("line of answer %d", i + 1).isEqualTo(i + 1);
            } else {
                assertThat(answer.has("line")).isFalse();
            }
        }
        run.hasNoStackTrace();
    }

    @Test
    void jsonl_fromAFile_answersLikeStdin(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("batch.jsonl"), mixedBatch());

        Run fromFile = run("advise", "--jsonl", "--input", file.toString());
        Run fromStdin = runWithStdin(mixedBatch(), "advise", "--jsonl", "--input", "-");

        assertThat(fromFile.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(fromFile.out()).isEqualTo(fromStdin.out());
    }

    @Test
    void jsonl_goodLine_isByteForByteTheSingleAnswer() {
        String situation = "{\"daysUntilInterview\": -3, \"applicationRejected\": true, \"note\": \"Thanks, Zoë 🙂\"}";

        Run batch = runWithStdin(bytes(situation + "\n"), "advise", "--jsonl");
        Run single = runWithStdin(bytes(situation), "advise", "--input", "-");

        assertThat(batch.exit()).isZero();
        assertThat(batch.out()).isEqualTo(single.out());
    }

    @Test
    void jsonl_allGoodBatch_exits0() throws IOException {
        byte[] batch = bytes("{\"daysUntilInterview\": 10}\n{\"daysUntilInterview\": 2}\r\n"
                + "{\"daysUntilInterview\": -5, \"priorRequest\": \"ACCEPTED\"}\n"
                + "{\"interviewDate\": \"2026-03-12\", \"today\": \"2026-03-02\"}");

        Run run = runWithStdin(batch, "advise", "--jsonl");

        assertThat(run.exit()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(4);
        assertThat(MAPPER.readTree(lines.get(0)).get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(MAPPER.readTree(lines.get(1)).get("verdict").textValue()).isEqualTo("CONNECT");
        assertThat(MAPPER.readTree(lines.get(2)).get("verdict").textValue()).isEqualTo("FOLLOW_UP");
        assertThat(MAPPER.readTree(lines.get(3)).get("actOn").textValue()).isEqualTo("2026-03-09");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonl_emptyInput_answersNothing_andExits0() {
        Run run = runWithStdin(new byte[0], "advise", "--jsonl");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
    }

    // ---------------------------------------------------------------- --rules

    @Test
    void rules_missingFolder_exits2(@TempDir Path dir) {
        Run run = run("advise", "--rules", dir.resolve("no-such-rules").toString(), "--days-until-interview", "3");

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).contains("no-such-rules");
        run.hasNoStackTrace();
    }

    @Test
    void rules_copyOfTheRulesFolder_givesTheSameAdvice(@TempDir Path dir) throws IOException {
        copyRules(dir);

        Run fromFolder = run("advise", "--json", "--rules", dir.toString(), "--days-until-interview", "10");
        Run builtIn = run("advise", "--json", "--days-until-interview", "10");

        assertThat(fromFolder.exit()).as("stderr: %s", fromFolder.err()).isZero();
        JsonNode advice = fromFolder.json();
        assertThat(advice.get("verdict").textValue()).isEqualTo("WAIT");
        assertThat(advice.get("actInDays").intValue()).isEqualTo(7);
        assertThat(advice.get("rulesVersion").textValue()).isEqualTo(builtIn.json().get("rulesVersion").textValue());
    }

    @Test
    void rules_withASyntaxError_exits3_namingFileAndLine(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("zz-broken.drl"), """
                package connectadvisor;

                import dev.connectadvisor.Situation;

                rule "Broken on purpose"
                when
                    Situation( daysUntilInterview > )
                then
                end
                """);

        Run run = run("advise", "--rules", dir.toString(), "--days-until-interview", "3");

        assertThat(run.exit()).isEqualTo(ExitCode.RULES_BROKEN.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("zz-broken.drl:7");
        run.hasNoStackTrace();
    }

    @Test
    void rules_withASyntaxError_inJsonl_exits3(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("zz-broken.drl"), "package connectadvisor;\n\nrule \"Broken\" when then\n");

        Run run = runWithStdin(bytes("{\"daysUntilInterview\": 3}\n"), "advise", "--jsonl", "--rules", dir.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.RULES_BROKEN.code());
        assertThat(run.err()).contains("zz-broken.drl");
        run.hasNoStackTrace();
    }
}
