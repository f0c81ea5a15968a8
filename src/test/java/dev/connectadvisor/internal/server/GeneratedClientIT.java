package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectadvisor.client.ApiClient;
import dev.connectadvisor.client.ApiException;
import dev.connectadvisor.client.api.DefaultApi;
import dev.connectadvisor.client.model.Advice;
import dev.connectadvisor.client.model.Plan;
import dev.connectadvisor.client.model.Situation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A standard tool's client: the build generated a Java client (openapi-generator, library
 * "native") from the document the service serves, and every endpoint is called through it, the
 * batch included, HEAD included.
 */
class GeneratedClientIT {
    /** What the build wrote (OpenApiDocument.main) and generated the client from. */
    private static final Path DOCUMENT = Path.of("target", "openapi", "openapi.json");

    private static AdviceServer server;
    private static DefaultApi api;

    @BeforeAll
    static void start() throws Exception {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).shutdownGrace(Duration.ofSeconds(2)));
        assertThat(server.awaitReady(Duration.ofSeconds(60))).isTrue();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + server.port());
        client.setReadTimeout(Duration.ofSeconds(20));
        api = new DefaultApi(client);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theClientWasGeneratedFromTheServedDocument() throws Exception {
        HttpResponse<String> served = new TestClient(server.uri()).get("/openapi.json");
        assertThat(served.body()).isEqualTo(Files.readString(DOCUMENT));
    }

    @Test
    void advice_throughTheClient() throws ApiException {
        Advice advice = api.advise(new Situation().daysUntilInterview(10));
        assertThat(advice.getVerdict()).isEqualTo(Advice.VerdictEnum.WAIT);
        assertThat(advice.getActInDays()).isEqualTo(7);
        assertThat(advice.getReasons().get(0).getItem()).isEqualTo("TIP-1");

        Advice dated = api.advise(new Situation().interviewDate(LocalDate.of(2026, 12, 4)).today(LocalDate.of(2026, 11, 25)));
        assertThat(dated.getActOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    /** The client asking for text: a generated client reads a String answer only from text/plain. */
    private static DefaultApi asText() {
        ApiClient asText = new ApiClient();
        asText.updateBaseUri("http://127.0.0.1:" + server.port());
        asText.setRequestInterceptor(request -> request.setHeader("Accept", "text/plain"));
        return new DefaultApi(asText);
    }

    @Test
    void thePlan_throughTheClient() throws ApiException {
        Plan plan = api.plan(new Situation().interviewDate(LocalDate.of(2026, 12, 10)).today(LocalDate.of(2026, 12, 1)));

        assertThat(plan.getAssumptions()).isNotEmpty();
        assertThat(plan.getSteps()).extracting(step -> step.getAdvice().getVerdict().getValue())
                .containsExactly("WAIT", "CONNECT", "WAIT", "CONNECT", "DONT_CONNECT");
        assertThat(plan.getSteps().get(1).getDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(asText().planCalendar(new Situation().daysUntilInterview(3))).startsWith("BEGIN:VCALENDAR")
                .contains("BEGIN:VEVENT");
    }

    @Test
    void aRejectedSituation_isAnApiExceptionCarryingTheErrorObject() throws Exception {
        assertThatThrownBy(() -> api.advise(new Situation().daysUntilInterview(1000)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"code\":\"INVALID_VALUE\"").contains("\"field\":\"daysUntilInterview\"");
                });
    }

    @Test
    void theBatch_isSentAndReadAsLines() throws Exception {
        String answer = asText().adviseBatch(
                "{\"daysUntilInterview\": 10}\n{\"daysUntilInterview\": \"x\"}\n{\"daysUntilInterview\": 2}\n");
        List<String> lines = answer.lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("verdict").asText()).isEqualTo("WAIT");
        JsonNode error = json.readTree(lines.get(1)).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(json.readTree(lines.get(2)).get("verdict").asText()).isEqualTo("CONNECT");
    }

    @Test
    void theRulesHealthProbesAndPlayground_throughTheClient() throws Exception {
        assertThat(api.rules().getRules()).isNotEmpty();
        assertThat(api.rules().getOrigin()).isEqualTo("built-in");
        assertThat(api.health().getStatus().getValue()).isEqualTo("ok");
        assertThat(api.live().getStatus().getValue()).isEqualTo("live");
        assertThat(api.ready().getStatus().getValue()).isEqualTo("ready");
        assertThat(api.metrics()).contains("connectadvisor_http_requests_seconds_count");
        assertThat(api.openapi()).isNotNull();
        assertThat(Files.readString(api.playground().toPath())).contains("<html");
        assertThat(api.playgroundScript().length()).isPositive();
        assertThat(api.playgroundStyle().length()).isPositive();
    }

    @Test
    void everyGetResource_answersHead_throughTheClient() throws ApiException {
        api.healthHead();
        api.liveHead();
        api.readyHead();
        api.metricsHead();
        api.rulesHead();
        api.openapiHead();
        api.playgroundHead();
        api.playgroundScriptHead();
        api.playgroundStyleHead();
    }
}
