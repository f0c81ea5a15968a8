package dev.connectadvisor.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioTableReaderTest {
    private static final String FILE = "scenarios/test.csv";
    private static final String HEADER = "id,daysUntilInterview,verdict,actInDays,reasons";

    private static ScenarioTable table(String... lines) {
        return ScenarioTable.parse(FILE, String.join("\n", lines) + "\n");
    }

    private static ScenarioRow onlyRow(ScenarioTable table) {
        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).hasSize(1);
        return table.rows().get(0);
    }

    private static List<String> problems(ScenarioTable table) {
        return table.problems().stream().map(ScenarioProblem::toString).toList();
    }

    @Nested
    class Lines {
        @Test
        void commentAndBlankLines_areSkipped_andEachRowKeepsItsPhysicalLine() {
            ScenarioTable table = table(
                    "# a comment before the header",
                    HEADER,
                    "# B9",
                    "B9-10d,10,WAIT,7,TIP-1",
                    "",
                    "B10-2d,2,CONNECT,0,TIP-1");

            assertThat(table.problems()).isEmpty();
            assertThat(table.rows()).extracting(ScenarioRow::id, ScenarioRow::line, ScenarioRow::file)
                    .containsExactly(tuple("B9-10d", 4, FILE), tuple("B10-2d", 6, FILE));
        }

        @Test
        void quotedMultiLineCell_rowStartsOnItsFirstLine_andLaterRowsCountEveryLine() {
            ScenarioTable table = table(
                    "id,daysUntilInterview,note,verdict,actInDays",
                    "N-multi,2,\"Hi Sarah,",
                    "# not a comment: inside quotes",
                    "see you \"\"soon\"\"\",CONNECT,0",
                    "N-next,2,short,CONNECT,0");

            assertThat(table.problems()).isEmpty();
            assertThat(table.rows()).extracting(ScenarioRow::id, ScenarioRow::line)
                    .containsExactly(tuple("N-multi", 2), tuple("N-next", 5));
            assertThat(table.rows().get(0).given().get("note"))
                    .isEqualTo("Hi Sarah,\n# not a comment: inside quotes\nsee you \"soon\"");
        }

        @Test
        void byteOrderMark_isIgnored() {
            ScenarioTable table = ScenarioTable.parse(FILE, "\uFEFF" + HEADER + "\nB9-10d,10,WAIT,7,TIP-1\n");

            assertThat(onlyRow(table).id()).isEqualTo("B9-10d");
        }

        @Test
        void rowOfBlankCells_isSkipped() {
            ScenarioTable table = table(HEADER, "B9-10d,10,WAIT,7,TIP-1", ",,,,");

            assertThat(onlyRow(table).id()).isEqualTo("B9-10d");
        }
    }

    @Nested
    class TableProblems {
        @Test
        void unknownColumn_isReportedAtTheHeaderLine_withACaseHint() {
            ScenarioTable table = table("# header next", "id,daysUntilInterview,Verdict,verdict,actInDays,colour");

            assertThat(problems(table)).containsExactly(
                    FILE + ":2: unknown column Verdict (did you mean verdict?)",
                    FILE + ":2: unknown column colour; allowed: id, description, the Situation fields,"
                            + " the expectations and error");
        }

        @Test
        void duplicateColumn_missingIdColumn_andVerdictWithoutActInDays_areReported() {
            ScenarioTable table = table("daysUntilInterview,daysUntilInterview,verdict");

            assertThat(problems(table)).containsExactlyInAnyOrder(
                    FILE + ":1: column daysUntilInterview appears twice",
                    FILE + ":1: missing column id",
                    FILE + ":1: missing column actInDays: every verdict row expects one (a blank cell means null)");
        }

        @Test
        void unknownItem_isReportedWithFileAndLine_alsoAfterNegation() {
            ScenarioTable table = table(
                    "id,daysUntilInterview,verdict,actInDays,reasons,risks",
                    "ok,10,WAIT,7,TIP-1,CON-8",
                    "bad,10,WAIT,7,TIP-1 TIP-99,CON-8 !CON-9");

            assertThat(problems(table)).containsExactly(
                    FILE + ":3: unknown item TIP-99 in reasons cell \"TIP-1 TIP-99\"",
                    FILE + ":3: unknown item CON-9 in risks cell \"CON-8 !CON-9\"");
            assertThat(table.rows()).extracting(ScenarioRow::id).containsExactly("ok");
        }

        @Test
        void unknownNoteCode_unknownVerdict_andBadActInDays_areReported() {
            ScenarioTable table = table(
                    "id,daysUntilInterview,verdict,actInDays,noteFindings",
                    "bad,2,CONNECTED,0.5,NOTE_GENERIC !NOTE_SHOUTING");

            assertThat(problems(table)).containsExactly(
                    FILE + ":2: unknown verdict CONNECTED; allowed: CONNECT, FOLLOW_UP, WAIT, LET_THEM_INITIATE, DONT_CONNECT",
                    FILE + ":2: actInDays \"0.5\" is not a whole number; leave it blank for null",
                    FILE + ":2: unknown note code NOTE_SHOUTING in noteFindings cell \"NOTE_GENERIC !NOTE_SHOUTING\"");
        }

        @Test
        void missingId_andMissingVerdictAndError_areReported() {
            ScenarioTable table = table(HEADER + ",error", ",10,WAIT,7,TIP-1,", "no-verdict,10,,,,");

            assertThat(problems(table)).containsExactly(
                    FILE + ":2: missing id",
                    FILE + ":3: missing verdict (or error)");
            assertThat(table.rows()).isEmpty();
        }

        @Test
        void negatedDecisiveReason_andContradictoryCell_areReported() {
            ScenarioTable table = table(
                    "id,daysUntilInterview,verdict,actInDays,reasons,risks",
                    "r,10,WAIT,7,!CON-8 TIP-1,CON-8 !CON-8");

            assertThat(problems(table)).containsExactly(
                    FILE + ":2: the first reason is the decisive item, so it cannot be negated with !",
                    FILE + ":2: risks cell says both CON-8 and !CON-8");
        }

        @ParameterizedTest(name = "error cell \"{0}\"")
        @CsvSource(delimiter = '|', value = {
            "CONFLICT                       | malformed error cell \"CONFLICT\": CONFLICT needs a field, e.g. CONFLICT daysUntilInterview",
            "CONFLICTS applicationRejected  | unknown error code CONFLICTS in error cell \"CONFLICTS applicationRejected\"; allowed: MALFORMED_JSON, UNKNOWN_FIELD, INVALID_VALUE, MISSING_FIELD, CONFLICT",
            "CONFLICT interviewDate today   | malformed error cell \"CONFLICT interviewDate today\": write CODE field, e.g. CONFLICT applicationRejected",
            "INVALID_VALUE colour           | unknown field colour in error cell \"INVALID_VALUE colour\"; allowed: a Situation field",
            "MALFORMED_JSON                 | error MALFORMED_JSON cannot come from a scenario row: a row has no JSON, and an unknown column is a table problem",
            "UNKNOWN_FIELD colour           | error UNKNOWN_FIELD cannot come from a scenario row: a row has no JSON, and an unknown column is a table problem",
        })
        void malformedErrorCell_isReported(String cell, String message) {
            ScenarioTable table = table("id,daysUntilInterview,error", "e,5," + cell);

            assertThat(problems(table)).containsExactly(FILE + ":2: " + message);
        }

        @Test
        void errorRow_withAnExpectation_isReported() {
            ScenarioTable table = table(HEADER + ",error", "e,400,WAIT,,,INVALID_VALUE daysUntilInterview");

            assertThat(problems(table)).containsExactly(
                    FILE + ":2: an error row expects nothing else: clear its verdict cell");
        }

        @Test
        void extraCells_beyondTheHeader_areReported_butTrailingBlankOnesAreNot() {
            ScenarioTable table = table(HEADER, "ok,10,WAIT,7,TIP-1,,", "bad,10,WAIT,7,TIP-1,CON-8");

            assertThat(problems(table)).containsExactly(FILE + ":3: the row has 6 cells, but the header has 5 columns");
            assertThat(table.rows()).extracting(ScenarioRow::id).containsExactly("ok");
        }

        @Test
        void duplicateId_inOneTable_isReportedAtTheLaterRow() {
            ScenarioTable table = table(HEADER, "same,10,WAIT,7,TIP-1", "same,2,CONNECT,0,TIP-1");

            assertThat(problems(table)).containsExactly(FILE + ":3: duplicate id same: first used at " + FILE + ":2");
            assertThat(table.rows()).extracting(ScenarioRow::line).containsExactly(2);
        }

        @Test
        void duplicateId_acrossTables_isReportedAtTheLaterRow() {
            ScenarioTable first = ScenarioTable.parse("scenarios/a.csv", HEADER + "\nsame,10,WAIT,7,TIP-1\n");
            ScenarioTable second = ScenarioTable.parse("scenarios/b.csv", "# b\n" + HEADER + "\nsame,2,CONNECT,0,TIP-1\n");

            ScenarioSuite suite = ScenarioSuite.of(List.of(first, second));

            assertThat(suite.problems()).containsExactly(new ScenarioProblem("scenarios/b.csv", 3,
                    "duplicate id same: first used at scenarios/a.csv:2"));
            assertThat(suite.rows()).extracting(ScenarioRow::file).containsExactly("scenarios/a.csv");
        }

        @Test
        void unclosedQuote_isACsvProblem() {
            ScenarioTable table = table(HEADER, "r,10,WAIT,7,\"TIP-1");

            assertThat(table.problems()).singleElement()
                    .satisfies(p -> assertThat(p.file()).isEqualTo(FILE))
                    .satisfies(p -> assertThat(p.message()).startsWith("not valid CSV: "));
        }

        @Test
        void bytesThatAreNotUtf8_areAProblem() {
            byte[] latin1 = (HEADER + "\nr,2,CONNECT,0,TIP-1,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);

            ScenarioTable table = ScenarioTable.read(new RuleFolder.Source("scenarios/latin1.csv", latin1));

            assertThat(problems(table)).containsExactly("scenarios/latin1.csv:1: the file is not valid UTF-8");
        }

        @Test
        void emptyFile_hasNoHeader() {
            assertThat(problems(ScenarioTable.parse(FILE, "# only a comment\n")))
                    .containsExactly(FILE + ":1: the table has no header row");
        }
    }

    @Nested
    class Expectations {
        @Test
        void listCells_splitOnSpaces_andBangMeansMustNotAppear() {
            ScenarioRow row = onlyRow(table(
                    "id,daysUntilInterview,profileUpToDate,verdict,actInDays,actOn,reasons,steps,risks,noteFindings",
                    "r,10,false,WAIT,7,,TIP-1  CON-8 !TIP-5,TIP-8 !TIP-2,,NOTE_NO_MEETING !NOTE_GENERIC"));

            ExpectedAdvice expected = (ExpectedAdvice) row.expected();
            assertThat(expected.verdict()).isEqualTo(Verdict.WAIT);
            assertThat(expected.actInDays()).isEqualTo(7);
            assertThat(expected.actOn()).isNull();
            assertThat(expected.decisiveItem()).isEqualTo("TIP-1");
            assertThat(expected.reasons()).isEqualTo(new Presence<>(List.of("TIP-1", "CON-8"), List.of("TIP-5")));
            assertThat(expected.steps()).isEqualTo(new Presence<>(List.of("TIP-8"), List.of("TIP-2")));
            assertThat(expected.risks().isEmpty()).isTrue();
            assertThat(expected.benefits().isEmpty()).isTrue();
            assertThat(expected.noteFindings())
                    .isEqualTo(new Presence<>(List.of(NoteCode.NOTE_NO_MEETING), List.of(NoteCode.NOTE_GENERIC)));
        }

        @Test
        void blankActInDays_meansNull_andActOnIsParsed() {
            ScenarioRow row = onlyRow(table(
                    "id,interviewDate,today,verdict,actInDays,actOn",
                    "r,2026-03-12,2026-03-02,WAIT,7,2026-03-09"));
            ScenarioRow dont = onlyRow(table(HEADER, "r,5,DONT_CONNECT,,TIP-7"));

            assertThat(((ExpectedAdvice) row.expected()).actOn()).isEqualTo(LocalDate.of(2026, 3, 9));
            assertThat(((ExpectedAdvice) dont.expected()).actInDays()).isNull();
        }

        @Test
        void errorCell_givesCodeAndField() {
            ScenarioRow row = onlyRow(table(HEADER + ",error", "e,-5,,,,CONFLICT applicationRejected"));

            assertThat(row.expected()).isEqualTo(new ExpectedError(ErrorCode.CONFLICT, "applicationRejected"));
        }
    }

    @Nested
    class SituationFromCells {
        private static final String SITUATION_HEADER = "id,verdict,actInDays,daysUntilInterview,interviewDate,today,"
                + "directInterviewer,hasReferral,priorRequest,followUpsSent,interviewerName,note";

        private ScenarioRow row(String situationCells) {
            return onlyRow(table(SITUATION_HEADER, "r,WAIT,1," + situationCells));
        }

        @Test
        void blankCells_takeTheDefaults() {
            Situation situation = row("5,,,,,,,,").situation();

            assertThat(situation).isEqualTo(Situation.builder().daysUntilInterview(5).build());
        }

        @Test
        void filledCells_convert_andTextIsKeptExactly() {
            Situation situation = row("-4, , ,false,true, PENDING ,1,Zoë O'Neil,\"  Hi, Zoë \"").situation();

            assertThat(situation).isEqualTo(Situation.builder().daysUntilInterview(-4).directInterviewer(false)
                    .hasReferral(true).priorRequest(PriorRequest.PENDING).followUpsSent(1)
                    .interviewerName("Zoë O'Neil").note("  Hi, Zoë ").build());
        }

        @Test
        void dates_convert() {
            Situation situation = row(",2026-03-12,2026-03-02,,,,,,").situation();

            assertThat(situation.interviewDate()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(situation.today()).isEqualTo(LocalDate.of(2026, 3, 2));
        }

        @ParameterizedTest(name = "directInterviewer \"{0}\"")
        @ValueSource(strings = {"TRUE", "True", "yes", "1", "t"})
        void booleans_areOnlyTrueOrFalse(String cell) {
            ScenarioRow row = row("5,,," + cell + ",,,,,");

            assertInvalid(row, "directInterviewer");
        }

        @ParameterizedTest(name = "daysUntilInterview \"{0}\"")
        @ValueSource(strings = {"5.7", "5.0", "+5", "05", "1e1", "five", "0x5", "99999999999"})
        void integers_arePlainIntegers(String cell) {
            ScenarioRow row = row(cell + ",,,,,,,,");

            assertInvalid(row, "daysUntilInterview");
        }

        @ParameterizedTest(name = "interviewDate \"{0}\"")
        @ValueSource(strings = {"2026-02-30", "2026-2-3", "2026/03/05", "20260305", "+2026-03-05", "2026-03-05T10:00"})
        void dates_areRealIsoDates_andABadOneIsInvalidValueNotATableProblem(String cell) {
            ScenarioRow row = row("," + cell + ",2026-03-02,,,,,,");

            assertInvalid(row, "interviewDate");
        }

        @ParameterizedTest(name = "priorRequest \"{0}\"")
        @ValueSource(strings = {"pending", "Pending", "REJECTED"})
        void enums_areSpelledAsInTheContract(String cell) {
            ScenarioRow row = row("5,,,,," + cell + ",,,");

            assertInvalid(row, "priorRequest");
        }

        @Test
        void theSituationsOwnRejection_comesThrough() {
            ScenarioRow row = row("3,,,,,,1,,");

            assertThatThrownBy(row::situation).isInstanceOfSatisfying(InvalidSituationException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(e.field()).isEqualTo("followUpsSent");
            });
        }

        @Test
        void noDay_isMissingField() {
            assertThatThrownBy(row(",,,,,,,,")::situation).isInstanceOfSatisfying(InvalidSituationException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
        }

        private void assertInvalid(ScenarioRow row, String field) {
            assertThatThrownBy(row::situation).isInstanceOfSatisfying(InvalidSituationException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(e.field()).isEqualTo(field);
            });
        }
    }
}
