package dev.connectadvisor.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict Situation reader of docs/contract.md: every error class, asserted by code and field. */
class SituationJsonTest {

    private static final List<String> BOOLEAN_FIELDS = List.of("directInterviewer", "existingRelationship",
            "hasReferral", "toldNotToConnect", "profileUpToDate", "applicationRejected", "interviewerSeemedHesitant");
    private static final List<String> STRING_FIELDS = List.of("interviewDate", "today", "priorRequest",
            "interviewerName", "note");
    private static final List<String> INTEGER_FIELDS = List.of("daysUntilInterview", "followUpsSent");

    // ---------------------------------------------------------------- helpers

    private static Situation read(String json) {
        return SituationJson.read(json.getBytes(UTF_8));
    }

    private static InvalidSituationException rejected(byte[] json) {
        try {
            Situation accepted = SituationJson.read(json);
            return fail("expected the input to be rejected, but it was read as " + accepted);
        } catch (InvalidSituationException e) {
            return e;
        }
    }

    private static void assertRejected(byte[] json, ErrorCode code, String field) {
        InvalidSituationException e = rejected(json);
        assertThat(e.code()).as("code (message: %s)", e.getMessage()).isEqualTo(code);
        assertThat(e.field()).as("field (message: %s)", e.getMessage()).isEqualTo(field);
        assertThat(e.getMessage()).as("message").isNotBlank().doesNotContain("\n");
    }

    private static void assertRejected(String json, ErrorCode code, String field) {
        assertRejected(json.getBytes(UTF_8), code, field);
    }

    /** An otherwise valid after-the-interview situation with {@code field} set to the raw JSON {@code value}. */
    private static String withField(String field, String value) {
        if (field.equals("daysUntilInterview")) {
            return "{\"daysUntilInterview\": " + value + "}";
        }
        return "{\"daysUntilInterview\": -5, \"" + field + "\": " + value + "}";
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static String jsonString(String s) {
        return "\"" + s + "\"";
    }

    // ---------------------------------------------------------------- valid input

    @Test
    void fullObject_withEveryField_isReadIntoEveryComponent() {
        // Given every field, each with a non-default value where the contract allows one
        String json = """
                {"daysUntilInterview": -5, "interviewDate": "2026-03-02", "today": "2026-03-07",
                 "directInterviewer": false, "existingRelationship": true, "hasReferral": true,
                 "toldNotToConnect": true, "profileUpToDate": false, "priorRequest": "DECLINED",
                 "applicationRejected": true, "interviewerSeemedHesitant": true, "followUpsSent": 2,
                 "interviewerName": "Zoë Ångström", "note": "Thank you, Zoë! \\ud83d\\ude42 🙂"}
                """;

        // When
        Situation s = read(json);

        // Then
        assertThat(s.daysUntilInterview()).isEqualTo(-5);
        assertThat(s.interviewDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(s.today()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(s.directInterviewer()).isFalse();
        assertThat(s.existingRelationship()).isTrue();
        assertThat(s.hasReferral()).isTrue();
        assertThat(s.toldNotToConnect()).isTrue();
        assertThat(s.profileUpToDate()).isFalse();
        assertThat(s.priorRequest()).isEqualTo(PriorRequest.DECLINED);
        assertThat(s.applicationRejected()).isTrue();
        assertThat(s.interviewerSeemedHesitant()).isTrue();
        assertThat(s.followUpsSent()).isEqualTo(2);
        assertThat(s.interviewerName()).isEqualTo("Zoë Ångström");
        assertThat(s.note()).isEqualTo("Thank you, Zoë! \uD83D\uDE42 \uD83D\uDE42");
    }

    @Test
    void onlyDaysUntilInterview_takesTheContractDefaults() {
        Situation s = read("{\"daysUntilInterview\": 3}");

        assertThat(s.daysUntilInterview()).isEqualTo(3);
        assertThat(s.interviewDate()).isNull();
        assertThat(s.today()).isNull();
        assertThat(s.directInterviewer()).isTrue();
        assertThat(s.existingRelationship()).isFalse();
        assertThat(s.hasReferral()).isFalse();
        assertThat(s.toldNotToConnect()).isFalse();
        assertThat(s.profileUpToDate()).isTrue();
        assertThat(s.priorRequest()).isEqualTo(PriorRequest.NONE);
        assertThat(s.applicationRejected()).isFalse();
        assertThat(s.interviewerSeemedHesitant()).isFalse();
        assertThat(s.followUpsSent()).isZero();
        assertThat(s.interviewerName()).isNull();
        assertThat(s.note()).isNull();
        assertThat(s).isEqualTo(Situation.builder().daysUntilInterview(3).build());
    }

    @Test
    void interviewDateAlone_isEnough_andTodayIsLeftToTheClock() {
        Situation s = read("{\"interviewDate\": \"2026-03-02\"}");

        assertThat(s.interviewDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(s.daysUntilInterview()).isNull();
        assertThat(s.today()).isNull();
    }

    @Test
    void agreeingDaysAndDates_areAccepted() {
        Situation s = read("{\"daysUntilInterview\": 8, \"interviewDate\": \"2026-03-10\", \"today\": \"2026-03-02\"}");

        assertThat(s.daysUntilInterview()).isEqualTo(8);
    }

    @Test
    void whitespaceAroundTheObject_isAllowed() {
        assertThat(read(" \n\t{ \"daysUntilInterview\" : 3 }\r\n ").daysUntilInterview()).isEqualTo(3);
    }

    @ParameterizedTest(name = "daysUntilInterview {0} is in range")
    @ValueSource(ints = {-365, -1, 0, 1, 365})
    void daysUntilInterview_edgesOfTheRange_areAccepted(int days) {
        assertThat(read("{\"daysUntilInterview\": " + days + "}").daysUntilInterview()).isEqualTo(days);
    }

    @ParameterizedTest(name = "followUpsSent {0} after the interview is in range")
    @ValueSource(ints = {0, 1, 100})
    void followUpsSent_edgesOfTheRange_areAccepted(int followUps) {
        assertThat(read("{\"daysUntilInterview\": -1, \"followUpsSent\": " + followUps + "}").followUpsSent())
                .isEqualTo(followUps);
    }

    @Test
    void followUpsSentZero_beforeTheInterview_isNoConflict() {
        assertThat(read("{\"daysUntilInterview\": 3, \"followUpsSent\": 0, \"applicationRejected\": false}")
                .followUpsSent()).isZero();
    }

    @ParameterizedTest(name = "priorRequest {0}")
    @ValueSource(strings = {"NONE", "PENDING", "ACCEPTED", "DECLINED"})
    void everyPriorRequestState_isAccepted(String state) {
        assertThat(read("{\"daysUntilInterview\": 3, \"priorRequest\": \"" + state + "\"}").priorRequest())
                .isEqualTo(PriorRequest.valueOf(state));
    }

    @Test
    void interviewerName_of200Emoji_isAccepted_becauseLengthsCountCodePoints() {
        String name = repeat("🙂", 200); // 400 UTF-16 chars, 200 code points

        Situation s = read(withField("interviewerName", jsonString(name)));

        assertThat(s.interviewerName()).hasSize(400).isEqualTo(name);
    }

    @Test
    void note_of5000Emoji_isAccepted() {
        String note = repeat("🙂", 5000);

        assertThat(read(withField("note", jsonString(note))).note()).isEqualTo(note);
    }

    @Test
    void emptyStrings_areValidNamesAndNotes() {
        Situation s = read("{\"daysUntilInterview\": 3, \"interviewerName\": \"\", \"note\": \"\"}");

        assertThat(s.interviewerName()).isEmpty();
        assertThat(s.note()).isEmpty();
    }

    // ---------------------------------------------------------------- UNKNOWN_FIELD

    @ParameterizedTest(name = "unknown field \"{0}\" is UNKNOWN_FIELD {0}")
    @ValueSource(strings = {"colour", "DaysUntilInterview", "days_until_interview", "referral", ""})
    void unknownField_isNamed(String name) {
        assertRejected("{\"daysUntilInterview\": 3, \"" + name + "\": true}", ErrorCode.UNKNOWN_FIELD, name);
    }

    @Test
    void unknownField_withNullValue_isStillUnknownField() {
        assertRejected("{\"daysUntilInterview\": 3, \"colour\": null}", ErrorCode.UNKNOWN_FIELD, "colour");
    }

    // ---------------------------------------------------------------- INVALID_VALUE: types

    static Stream<Arguments> wrongTypes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String field : INTEGER_FIELDS) {
            for (String value : List.of("\"5\"", "5.7", "5.0", "-1.0", "5e0", "1E2", "true", "[5]", "{\"n\": 5}")) {
                cases.add(Arguments.of(field, value));
            }
        }
        for (String field : BOOLEAN_FIELDS) {
            for (String value : List.of("\"true\"", "\"false\"", "1", "0", "\"yes\"", "[true]", "{}")) {
                cases.add(Arguments.of(field, value));
            }
        }
        for (String field : STRING_FIELDS) {
            for (String value : List.of("5", "-1.5", "true", "[\"NONE\"]", "{\"value\": \"x\"}")) {
                cases.add(Arguments.of(field, value));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}: {1} is INVALID_VALUE {0}")
    @MethodSource("wrongTypes")
    void wrongType_isInvalidValue_namingTheField(String field, String value) {
        assertRejected(withField(field, value), ErrorCode.INVALID_VALUE, field);
    }

    static Stream<String> everyField() {
        return dev.connectadvisor.internal.situation.SituationFields.NAMES.stream();
    }

    @ParameterizedTest(name = "{0}: null is INVALID_VALUE {0}")
    @MethodSource("everyField")
    void null_isNeverAValue(String field) {
        assertRejected(withField(field, "null"), ErrorCode.INVALID_VALUE, field);
    }

    @Test
    void fieldListOfTheReader_isTheContractsTable() {
        assertThat(dev.connectadvisor.internal.situation.SituationFields.NAMES).containsExactly("daysUntilInterview", "interviewDate", "today",
                "directInterviewer", "existingRelationship", "hasReferral", "toldNotToConnect", "profileUpToDate",
                "priorRequest", "applicationRejected", "interviewerSeemedHesitant", "followUpsSent",
                "interviewerName", "note", "yourName", "company", "role", "topic");
    }

    // ---------------------------------------------------------------- INVALID_VALUE: ranges

    @ParameterizedTest(name = "daysUntilInterview {0} is out of range")
    @ValueSource(strings = {"366", "-366", "1000", "2147483647", "2147483648", "-2147483649",
            "123456789012345678901234567890", "-123456789012345678901234567890"})
    void daysUntilInterview_outOfRange_isInvalidValue(String value) {
        assertRejected(withField("daysUntilInterview", value), ErrorCode.INVALID_VALUE, "daysUntilInterview");
    }

    @ParameterizedTest(name = "followUpsSent {0} is out of range")
    @ValueSource(strings = {"101", "-1", "2147483648", "123456789012345678901234567890"})
    void followUpsSent_outOfRange_isInvalidValue(String value) {
        assertRejected(withField("followUpsSent", value), ErrorCode.INVALID_VALUE, "followUpsSent");
    }

    @ParameterizedTest(name = "interviewDate {0} from today 2026-01-01 is more than 365 days away")
    @ValueSource(strings = {"2027-01-02", "2024-12-31"})
    void interviewDate_moreThan365DaysFromToday_isInvalidValue(String date) {
        assertRejected("{\"interviewDate\": \"" + date + "\", \"today\": \"2026-01-01\"}",
                ErrorCode.INVALID_VALUE, "interviewDate");
    }

    // ---------------------------------------------------------------- INVALID_VALUE: dates, enums, lengths

    @ParameterizedTest(name = "interviewDate \"{0}\" is not a date")
    @ValueSource(strings = {"2026-02-30", "2026-2-3", "tomorrow", "", "2026/03/05", "05.03.2026", "2026-03-05T10:00",
            " 2026-03-05", "+2026-03-05", "20260305", "2026-13-01", "2026-00-10"})
    void badInterviewDate_isInvalidValue(String date) {
        assertRejected("{\"interviewDate\": \"" + date + "\", \"today\": \"2026-03-02\"}",
                ErrorCode.INVALID_VALUE, "interviewDate");
    }

    @ParameterizedTest(name = "today \"{0}\" is not a date")
    @ValueSource(strings = {"2026-02-29", "2026-02-30", "2026-2-3", "tomorrow", "now", ""})
    void badToday_isInvalidValue(String date) {
        assertRejected("{\"interviewDate\": \"2026-03-05\", \"today\": \"" + date + "\"}",
                ErrorCode.INVALID_VALUE, "today");
    }

    @ParameterizedTest(name = "priorRequest \"{0}\" is not a state")
    @ValueSource(strings = {"MAYBE", "pending", "Accepted", "", " NONE", "NONE ", "0"})
    void unknownPriorRequest_isInvalidValue(String state) {
        assertRejected("{\"daysUntilInterview\": 3, \"priorRequest\": \"" + state + "\"}",
                ErrorCode.INVALID_VALUE, "priorRequest");
    }

    @Test
    void interviewerName_of201CodePoints_isInvalidValue() {
        assertRejected(withField("interviewerName", jsonString(repeat("🙂", 201))),
                ErrorCode.INVALID_VALUE, "interviewerName");
    }

    @Test
    void interviewerName_of201AsciiCharacters_isInvalidValue() {
        assertRejected(withField("interviewerName", jsonString(repeat("a", 201))),
                ErrorCode.INVALID_VALUE, "interviewerName");
    }

    @Test
    void note_of5001CodePoints_isInvalidValue() {
        assertRejected(withField("note", jsonString(repeat("🙂", 5001))), ErrorCode.INVALID_VALUE, "note");
    }

    // ---------------------------------------------------------------- MISSING_FIELD

    @ParameterizedTest(name = "{0} has no day")
    @ValueSource(strings = {"{}", "{\"directInterviewer\": true}", "{\"priorRequest\": \"NONE\", \"note\": \"Hi\"}"})
    void neitherDaysNorInterviewDate_isMissingField(String json) {
        assertRejected(json, ErrorCode.MISSING_FIELD, "daysUntilInterview");
    }

    // ---------------------------------------------------------------- CONFLICT

    @Test
    void todayWithoutInterviewDate_isConflictOnToday() {
        assertRejected("{\"daysUntilInterview\": 3, \"today\": \"2026-03-02\"}", ErrorCode.CONFLICT, "today");
    }

    @ParameterizedTest(name = "daysUntilInterview {0} vs {1} from {2}")
    @CsvSource({"5, 2026-03-10, 2026-03-02", "-5, 2026-03-10, 2026-03-02", "0, 2026-03-03, 2026-03-02",
            "1, 2026-03-02, 2026-03-02"})
    void daysDisagreeingWithTheDates_isConflictOnInterviewDate(int days, String interviewDate, String today) {
        assertRejected("{\"daysUntilInterview\": " + days + ", \"interviewDate\": \"" + interviewDate
                + "\", \"today\": \"" + today + "\"}", ErrorCode.CONFLICT, "interviewDate");
    }

    @ParameterizedTest(name = "applicationRejected at daysUntilInterview {0}")
    @ValueSource(ints = {0, 1, 5, 365})
    void applicationRejected_whileTheInterviewIsAhead_isConflict(int days) {
        assertRejected("{\"daysUntilInterview\": " + days + ", \"applicationRejected\": true}",
                ErrorCode.CONFLICT, "applicationRejected");
    }

    @ParameterizedTest(name = "followUpsSent {1} at daysUntilInterview {0}")
    @CsvSource({"0, 1", "3, 1", "365, 100"})
    void followUps_whileTheInterviewIsAhead_isConflict(int days, int followUps) {
        assertRejected("{\"daysUntilInterview\": " + days + ", \"followUpsSent\": " + followUps + "}",
                ErrorCode.CONFLICT, "followUpsSent");
    }

    @Test
    void applicationRejected_withADatedInterviewAhead_isConflict() {
        assertRejected("{\"interviewDate\": \"2026-03-07\", \"today\": \"2026-03-02\", \"applicationRejected\": true}",
                ErrorCode.CONFLICT, "applicationRejected");
    }

    @Test
    void followUps_withADatedInterviewToday_isConflict() {
        assertRejected("{\"interviewDate\": \"2026-03-02\", \"today\": \"2026-03-02\", \"followUpsSent\": 1}",
                ErrorCode.CONFLICT, "followUpsSent");
    }

    @Test
    void phaseFacts_theDayAfterTheInterview_areAccepted() {
        Situation s = read("{\"daysUntilInterview\": -1, \"applicationRejected\": true, \"followUpsSent\": 1}");

        assertThat(s.applicationRejected()).isTrue();
        assertThat(s.followUpsSent()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- MALFORMED_JSON

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty input", bytes("")),
                Arguments.of("whitespace only", bytes(" \n\t\r\n ")),
                Arguments.of("truncated object", bytes("{\"daysUntilInterview\": 3")),
                Arguments.of("truncated string", bytes("{\"note\": \"Hi")),
                Arguments.of("trailing garbage", bytes("{\"daysUntilInterview\":3} x")),
                Arguments.of("trailing comma", bytes("{\"daysUntilInterview\":3,}")),
                Arguments.of("two objects", bytes("{\"daysUntilInterview\":3} {\"daysUntilInterview\":4}")),
                Arguments.of("two objects on two lines", bytes("{\"daysUntilInterview\":3}\n{\"daysUntilInterview\":4}")),
                Arguments.of("an array", bytes("[{\"daysUntilInterview\":3}]")),
                Arguments.of("an empty array", bytes("[]")),
                Arguments.of("a string", bytes("\"daysUntilInterview\"")),
                Arguments.of("a number", bytes("3")),
                Arguments.of("true", bytes("true")),
                Arguments.of("null", bytes("null")),
                Arguments.of("single quotes", bytes("{'daysUntilInterview': 3}")),
                Arguments.of("unquoted key", bytes("{daysUntilInterview: 3}")),
                Arguments.of("a comment", bytes("{\"daysUntilInterview\": 3 /* soon */}")),
                Arguments.of("NaN", bytes("{\"daysUntilInterview\": NaN}")),
                Arguments.of("leading zero", bytes("{\"daysUntilInterview\": 03}")),
                Arguments.of("plus sign", bytes("{\"daysUntilInterview\": +3}")),
                Arguments.of("not JSON at all", bytes("daysUntilInterview=3")),
                Arguments.of("2000 nested arrays", bytes("[".repeat(2000) + "]".repeat(2000))),
                Arguments.of("2000 nested objects in a field",
                        bytes("{\"note\": " + "{\"a\": ".repeat(2000) + "1" + "}".repeat(2000) + "}")),
                Arguments.of("invalid UTF-8 (0xC3 0x28) in a string",
                        concat(bytes("{\"daysUntilInterview\": 3, \"note\": \"a"), new byte[] {(byte) 0xC3, 0x28},
                                bytes("b\"}"))),
                Arguments.of("invalid UTF-8 (0xFF) in a string",
                        concat(bytes("{\"daysUntilInterview\": 3, \"note\": \""), new byte[] {(byte) 0xFF},
                                bytes("\"}"))),
                Arguments.of("invalid UTF-8 (0xC3 0x28) in a key",
                        concat(bytes("{\"daysUntilInterview\": 3, \"n"), new byte[] {(byte) 0xC3, 0x28},
                                bytes("\": 1}"))),
                Arguments.of("raw control character in a string", bytes("{\"daysUntilInterview\": 3, \"note\": \"a\u0001b\"}")));
    }

    @ParameterizedTest(name = "{0} is MALFORMED_JSON with no field")
    @MethodSource("malformed")
    void malformedInput_isMalformedJson_withNullField(String description, byte[] json) {
        assertRejected(json, ErrorCode.MALFORMED_JSON, null);
    }

    @ParameterizedTest(name = "{0} is MALFORMED_JSON: JSON between systems is UTF-8, never guessed")
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE"})
    void otherUnicodeEncodings_areMalformedJson(String charset) {
        byte[] json = "{\"daysUntilInterview\": 3}".getBytes(java.nio.charset.Charset.forName(charset));
        assertRejected(json, ErrorCode.MALFORMED_JSON, null);
    }

    @ParameterizedTest(name = "{0} with a lone surrogate is INVALID_VALUE: it names no character")
    @ValueSource(strings = {"note", "interviewerName"})
    void aLoneSurrogate_isInvalidValue(String field) {
        assertRejected("{\"daysUntilInterview\": 3, \"" + field + "\": \"Hi \\ud800 there\"}", ErrorCode.INVALID_VALUE, field);
        assertRejected("{\"daysUntilInterview\": 3, \"" + field + "\": \"\\udc00\"}", ErrorCode.INVALID_VALUE, field);
    }

    @Test
    void aSurrogatePair_isOneCharacter_andAccepted() {
        assertThat(SituationJson.read("{\"daysUntilInterview\": 3, \"note\": \"Hi \\ud83d\\ude00\"}".getBytes(UTF_8)).note())
                .isEqualTo("Hi \uD83D\uDE00");
    }

    @ParameterizedTest(name = "duplicate key {0}")
    @ValueSource(strings = {"daysUntilInterview", "note", "hasReferral"})
    void duplicateKey_isMalformedJson_namingTheKey(String key) {
        String value = switch (key) {
            case "daysUntilInterview" -> "3";
            case "note" -> "\"Hi\"";
            default -> "true";
        };
        String json = "{\"daysUntilInterview\": 3, \"" + key + "\": " + value + ", \"" + key + "\": " + value + "}";
        if (key.equals("daysUntilInterview")) {
            json = "{\"daysUntilInterview\": 3, \"daysUntilInterview\": 3}";
        }
        assertRejected(json, ErrorCode.MALFORMED_JSON, key);
    }

    @Test
    void duplicateUnknownKey_isMalformedJson_namingTheKey() {
        assertRejected("{\"daysUntilInterview\": 3, \"colour\": 1, \"colour\": 2}", ErrorCode.MALFORMED_JSON, "colour");
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
}
