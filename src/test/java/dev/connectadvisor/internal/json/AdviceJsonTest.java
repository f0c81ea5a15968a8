package dev.connectadvisor.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Advice and Error writer of docs/contract.md: field order, compactness, nulls and absent fields. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceJsonTest {

    private static final List<String> ADVICE_FIELDS = List.of("verdict", "actInDays", "actOn", "phase", "summary",
            "reasons", "steps", "benefits", "risks", "alternatives", "noteFindings", "draftNote", "firedRules", "rulesVersion");
    private static final List<String> ADVICE_FIELDS_WITHOUT_ACT_ON =
            ADVICE_FIELDS.stream().filter(f -> !f.equals("actOn")).toList();
    private static final List<String> LISTS =
            List.of("reasons", "steps", "benefits", "risks", "alternatives", "noteFindings", "firedRules");

    private final ObjectMapper mapper = new ObjectMapper();
    private ConnectAdvisor advisor;

    @BeforeAll
    void buildTheAdvisorOnce() {
        advisor = ConnectAdvisor.fromClasspath()
                .withClock(Clock.fixed(LocalDate.of(2026, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- helpers

    private String json(Situation situation) {
        return AdviceJson.toJson(advisor.advise(situation), situation);
    }

    private JsonNode tree(String json) throws Exception {
        return mapper.readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Situation days(int d) {
        return Situation.builder().daysUntilInterview(d).build();
    }

    private static Situation dated(String interviewDate, String today) {
        return Situation.builder().interviewDate(LocalDate.parse(interviewDate))
                .today(today == null ? null : LocalDate.parse(today)).build();
    }

    private static void assertCompactOneLine(String json) throws Exception {
        assertThat(json).doesNotContain("\n", "\r").doesNotStartWith(" ").doesNotEndWith(" ");
        // re-serialising the parsed tree without pretty printing gives back the very same bytes
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))).isEqualTo(json);
    }

    // ---------------------------------------------------------------- Advice

    @Test
    void adviceWithoutInterviewDate_hasEveryFieldInContractOrder_withoutActOn() throws Exception {
        String json = json(days(10));

        assertThat(fieldNames(tree(json))).containsExactlyElementsOf(ADVICE_FIELDS_WITHOUT_ACT_ON);
        assertThat(json).startsWith("{\"verdict\":\"WAIT\",\"actInDays\":7,\"phase\":\"BEFORE\",\"summary\":\"");
    }

    @Test
    void adviceWithInterviewDate_hasActOnBetweenActInDaysAndPhase() throws Exception {
        // Given an interview on 2026-03-12, asked on 2026-03-02: 10 days ahead, WAIT 7 days
        String json = json(dated("2026-03-12", "2026-03-02"));

        JsonNode node = tree(json);
        assertThat(fieldNames(node)).containsExactlyElementsOf(ADVICE_FIELDS);
        assertThat(node.get("verdict").asText()).isEqualTo("WAIT");
        assertThat(node.get("actInDays").intValue()).isEqualTo(7);
        assertThat(node.get("actOn").textValue()).isEqualTo("2026-03-09");
        assertThat(json).startsWith("{\"verdict\":\"WAIT\",\"actInDays\":7,\"actOn\":\"2026-03-09\",\"phase\":\"BEFORE\",");
    }

    @Test
    void adviceWithInterviewDateAndTheClock_writesActOnFromTheClocksToday() throws Exception {
        // Given no today: the advisor's fixed clock says 2026-03-02; the interview was 2026-02-25 (-5 days)
        JsonNode node = tree(json(dated("2026-02-25", null)));

        assertThat(node.get("verdict").asText()).isEqualTo("CONNECT");
        assertThat(node.get("actInDays").intValue()).isZero();
        assertThat(node.get("actOn").textValue()).isEqualTo("2026-03-02");
        assertThat(node.get("phase").textValue()).isEqualTo("AFTER");
    }

    @Test
    void dontConnect_withoutInterviewDate_writesActInDaysNull_andNoActOn() throws Exception {
        Situation referral = Situation.builder().daysUntilInterview(2).hasReferral(true).build();
        String json = json(referral);

        JsonNode node = tree(json);
        assertThat(node.get("verdict").asText()).isEqualTo("DONT_CONNECT");
        assertThat(node.has("actInDays")).isTrue();
        assertThat(node.get("actInDays").isNull()).isTrue();
        assertThat(node.has("actOn")).isFalse();
        assertThat(json).contains("\"actInDays\":null,\"phase\":");
    }

    @Test
    void dontConnect_withInterviewDate_writesActOnNull() throws Exception {
        Situation referral = dated("2026-03-04", "2026-03-02").toBuilder().hasReferral(true).build();
        String json = json(referral);

        JsonNode node = tree(json);
        assertThat(fieldNames(node)).containsExactlyElementsOf(ADVICE_FIELDS);
        assertThat(node.get("verdict").asText()).isEqualTo("DONT_CONNECT");
        assertThat(node.get("actInDays").isNull()).isTrue();
        assertThat(node.get("actOn").isNull()).isTrue();
        assertThat(json).contains("\"actInDays\":null,\"actOn\":null,\"phase\":\"BEFORE\"");
    }

    @Test
    void letThemInitiate_withInterviewDate_writesActOnNull() throws Exception {
        Situation hesitant = dated("2026-03-07", "2026-03-02").toBuilder().interviewerSeemedHesitant(true).build();

        JsonNode node = tree(json(hesitant));

        assertThat(node.get("verdict").asText()).isEqualTo("LET_THEM_INITIATE");
        assertThat(node.get("actInDays").isNull()).isTrue();
        assertThat(node.get("actOn").isNull()).isTrue();
    }

    @ParameterizedTest(name = "daysUntilInterview {0}")
    @ValueSource(ints = {-365, -5, -1, 0, 2, 10, 365})
    void everyListIsPresent_evenWhenEmpty_andOfTheRightShape(int d) throws Exception {
        JsonNode node = tree(json(days(d)));

        for (String list : LISTS) {
            assertThat(node.get(list)).as(list).isNotNull();
            assertThat(node.get(list).isArray()).as(list + " is an array").isTrue();
        }
        for (String list : List.of("reasons", "steps", "benefits", "risks", "alternatives")) {
            for (JsonNode entry : node.get(list)) {
                assertThat(fieldNames(entry)).as(list + " entry").containsExactly("item", "rule", "text");
            }
        }
        for (JsonNode rule : node.get("firedRules")) {
            assertThat(rule.isTextual()).isTrue();
        }
        assertThat(node.get("rulesVersion").textValue()).isEqualTo(advisor.rulesVersion());
        assertThat(node.get("summary").isTextual()).isTrue();
    }

    @Test
    void emptyLists_areWrittenAsEmptyArrays() throws Exception {
        // Given: 10 days ahead gives no steps, no benefits, no alternatives and no note
        String json = json(days(10));

        assertThat(json).contains("\"steps\":[]", "\"benefits\":[]", "\"alternatives\":[]", "\"noteFindings\":[]");
    }

    @Test
    void noteFindings_haveCodeItemRuleText_inThatOrder() throws Exception {
        Situation withNote = Situation.builder().daysUntilInterview(2).interviewerName("Sarah Lee")
                .note("Hi Sarah, I'd like to add you to my professional network on LinkedIn.").build();

        JsonNode findings = tree(json(withNote)).get("noteFindings");

        assertThat(findings).isNotEmpty();
        for (JsonNode finding : findings) {
            assertThat(fieldNames(finding)).containsExactly("code", "item", "rule", "text");
        }
        assertThat(findings.get(0).get("code").textValue()).isEqualTo("NOTE_GENERIC");
    }

    @Test
    void adviceJson_isCompactOneLine() throws Exception {
        Situation busy = Situation.builder().daysUntilInterview(-5).applicationRejected(true)
                .priorRequest(PriorRequest.PENDING).profileUpToDate(false).interviewerName("Zoë")
                .note("Zoë, thank you \"so\" much \\ 🙂\nsee you").build();

        assertCompactOneLine(json(busy));
        assertCompactOneLine(json(dated("2026-03-12", "2026-03-02")));
    }

    @Test
    void adviceJson_matchesTheAdviceRecord() throws Exception {
        Situation s = Situation.builder().daysUntilInterview(-3).applicationRejected(true).build();
        Advice advice = advisor.advise(s);

        JsonNode node = tree(AdviceJson.toJson(advice, s));

        assertThat(node.get("verdict").textValue()).isEqualTo(advice.verdict().name());
        assertThat(node.get("phase").textValue()).isEqualTo(advice.phase().name());
        assertThat(node.get("summary").textValue()).isEqualTo(advice.summary());
        assertThat(node.get("reasons").get(0).get("item").textValue()).isEqualTo(advice.decisiveItem());
        List<String> alternatives = new ArrayList<>();
        node.get("alternatives").forEach(a -> alternatives.add(a.get("item").textValue()));
        assertThat(alternatives).containsExactly("REJ-1", "REJ-2", "REJ-4", "REJ-5");
        List<String> fired = new ArrayList<>();
        node.get("firedRules").forEach(r -> fired.add(r.textValue()));
        assertThat(fired).isEqualTo(advice.firedRules());
        assertThat(node.get("rulesVersion").textValue()).isEqualTo(advice.rulesVersion());
    }

    @Test
    void sameInput_givesTheSameBytes() {
        Situation s = Situation.builder().daysUntilInterview(2).interviewerName("Sarah Lee").note("Hi Sara").build();

        assertThat(json(s)).isEqualTo(json(s));
    }

    // ---------------------------------------------------------------- Error

    @Test
    void error_withoutLine_hasCodeFieldMessage_only() throws Exception {
        InvalidSituationException e = new InvalidSituationException(ErrorCode.INVALID_VALUE, "daysUntilInterview",
                "366 is out of range; allowed: -365 to 365");

        String json = AdviceJson.toJson(e, null);

        assertCompactOneLine(json);
        JsonNode node = tree(json);
        assertThat(fieldNames(node)).containsExactly("error");
        assertThat(fieldNames(node.get("error"))).containsExactly("code", "field", "message");
        assertThat(node.get("error").get("code").textValue()).isEqualTo("INVALID_VALUE");
        assertThat(node.get("error").get("field").textValue()).isEqualTo("daysUntilInterview");
        assertThat(node.get("error").get("message").textValue()).isEqualTo(e.getMessage());
    }

    @Test
    void error_withLine_hasLineLast() throws Exception {
        InvalidSituationException e = new InvalidSituationException(ErrorCode.UNKNOWN_FIELD, "colour", "unknown field");

        String json = AdviceJson.toJson(e, 7);

        assertCompactOneLine(json);
        JsonNode error = tree(json).get("error");
        assertThat(fieldNames(error)).containsExactly("code", "field", "message", "line");
        assertThat(error.get("line").isInt()).isTrue();
        assertThat(error.get("line").intValue()).isEqualTo(7);
        assertThat(json).isEqualTo("{\"error\":{\"code\":\"UNKNOWN_FIELD\",\"field\":\"colour\",\"message\":\"unknown field\",\"line\":7}}");
    }

    @Test
    void malformedError_writesFieldAsNull_notAbsent() throws Exception {
        InvalidSituationException e = new InvalidSituationException(ErrorCode.MALFORMED_JSON, null, "not valid JSON");

        String json = AdviceJson.toJson(e, null);

        JsonNode error = tree(json).get("error");
        assertThat(fieldNames(error)).containsExactly("code", "field", "message");
        assertThat(error.get("field").isNull()).isTrue();
        assertThat(json).isEqualTo("{\"error\":{\"code\":\"MALFORMED_JSON\",\"field\":null,\"message\":\"not valid JSON\"}}");
    }

    @Test
    void errorFromTheReader_roundTripsCodeAndField() throws Exception {
        InvalidSituationException e;
        try {
            SituationJson.read("{\"daysUntilInterview\": 3, \"daysUntilInterview\": 3}".getBytes());
            throw new AssertionError("duplicate key accepted");
        } catch (InvalidSituationException thrown) {
            e = thrown;
        }

        JsonNode error = tree(AdviceJson.toJson(e, 3)).get("error");

        assertThat(error.get("code").textValue()).isEqualTo("MALFORMED_JSON");
        assertThat(error.get("field").textValue()).isEqualTo("daysUntilInterview");
        assertThat(error.get("line").intValue()).isEqualTo(3);
    }

    @Test
    void errorMessage_withQuotesAndLineBreaks_staysOneLine() throws Exception {
        InvalidSituationException e = new InvalidSituationException(ErrorCode.INVALID_VALUE, "note",
                "\"a\nb\" is \\ bad");

        String json = AdviceJson.toJson(e, 1);

        assertCompactOneLine(json);
        assertThat(tree(json).get("error").get("message").textValue()).isEqualTo(e.getMessage());
    }

    @Test
    void internalError_hasTheErrorShape() throws Exception {
        JsonNode error = tree(AdviceJson.serviceError(ServiceError.INTERNAL_ERROR, "the rules gave no answer", 4)).get("error");

        assertThat(fieldNames(error)).containsExactly("code", "field", "message", "line");
        assertThat(error.get("code").textValue()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.get("field").isNull()).isTrue();
    }
}
