package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdviceServerTest {
    private static AdviceServer server;
    private static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0)
                .limits(Duration.ofSeconds(5), 4096, 64 * 1024).shutdownGrace(Duration.ofSeconds(2)));
        client = new TestClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void advice_answersWithTheRulesVersionInHeaderAndField() {
        HttpResponse<String> response = client.advise("{\"daysUntilInterview\": 10}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode advice = TestClient.json(response);
        assertThat(advice.get("verdict").asText()).isEqualTo("WAIT");
        assertThat(advice.get("actInDays").asInt()).isEqualTo(7);
        assertThat(advice.get("reasons").get(0).get("item").asText()).isEqualTo("TIP-1");
        String version = server.rules().current().version();
        assertThat(advice.get("rulesVersion").asText()).isEqualTo(version);
        assertThat(response.headers().firstValue("X-Rules-Version")).hasValue(version);
    }

    @Test
    void advice_badSituation_isTheContractsError400() {
        HttpResponse<String> response = client.advise("{\"daysUntilInterview\": 3, \"applicationRejected\": true}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestClient.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("CONFLICT");
        assertThat(error.get("field").asText()).isEqualTo("applicationRejected");
        assertThat(error.has("line")).isFalse();
        assertThat(response.headers().firstValue("X-Rules-Version")).isPresent();
    }

    @Test
    void advice_malformedJson_is400() {
        HttpResponse<String> response = client.advise("{\"daysUntilInterview\": 3, \"daysUntilInterview\": 4}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestClient.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(error.get("field").asText()).isEqualTo("daysUntilInterview");
    }

    @Test
    void advice_wrongContentType_is415() {
        assertThat(client.post("/v1/advice", "text/plain", "{\"daysUntilInterview\": 3}").statusCode()).isEqualTo(415);
        assertThat(client.post("/v1/advice", null, "{\"daysUntilInterview\": 3}").statusCode()).isEqualTo(415);
        assertThat(client.post("/v1/advice", "application/json; charset=latin-1", "{\"daysUntilInterview\": 3}")
                .statusCode()).isEqualTo(415);
        HttpResponse<String> ok = client.post("/v1/advice", "application/json; charset=UTF-8", "{\"daysUntilInterview\": 3}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(client.post("/v1/advice", "text/plain", "{}")).get("error").get("code").asText())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void advice_bodyOverTheCap_is413() {
        String note = "x".repeat(5000);
        HttpResponse<String> response = client.advise("{\"daysUntilInterview\": 3, \"note\": \"" + note + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(TestClient.json(response).get("error").get("code").asText()).isEqualTo("BODY_TOO_LARGE");
        assertThat(client.advise("{\"daysUntilInterview\": 3}").statusCode()).as("the service goes on").isEqualTo(200);
    }

    @Test
    void wrongMethodAndUnknownPath_areAnsweredInJson() {
        HttpResponse<String> get = client.get("/v1/advice");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> missing = client.get("/v2/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(missing).get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void batch_answersEveryLineInOrder_errorsWithTheirLine() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append(i % 50 == 7 ? "{\"daysUntilInterview\": \"x\"}" : "{\"daysUntilInterview\": " + (i % 30) + "}")
                    .append('\n');
        }
        body.append("\n{\"daysUntilInterview\": -3}"); // an empty line, and a last line without '\n'

        HttpResponse<String> response = client.post("/v1/advice/batch", "application/x-ndjson", body.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("X-Rules-Version")).hasValue(server.rules().current().version());
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(202);
        assertThat(response.body()).endsWith("\n");
        assertThat(lines.get(7)).contains("\"code\":\"INVALID_VALUE\"").contains("\"line\":8");
        assertThat(lines.get(200)).contains("\"code\":\"MALFORMED_JSON\"").contains("\"line\":201");
        assertThat(lines.get(201)).startsWith("{\"verdict\":");
    }

    @Test
    void batch_wrongContentType_is415_andOverTheCap_is413() {
        assertThat(client.post("/v1/advice/batch", "application/json", "{\"daysUntilInterview\": 3}\n").statusCode())
                .isEqualTo(415);
        assertThat(client.post("/v1/advice/batch", "application/jsonl", "{\"daysUntilInterview\": 3}\n").statusCode())
                .isEqualTo(200);
        String big = "{\"daysUntilInterview\": 3}\n".repeat(64 * 1024 / 26 + 10);
        HttpResponse<String> response = client.post("/v1/advice/batch", "application/x-ndjson", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(TestClient.json(response).get("error").get("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void rules_listEveryRuleWithItemsAndRow_andWhenTheyWereLoaded() {
        HttpResponse<String> response = client.get("/v1/rules");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestClient.json(response);
        assertThat(body.get("rulesVersion").asText()).isEqualTo(server.rules().current().version());
        assertThat(java.time.Instant.parse(body.get("loadedAt").asText())).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(body.get("rules").size()).isEqualTo(server.rules().current().advisor().rules().size());
        List<String> rows = new ArrayList<>();
        for (JsonNode rule : body.get("rules")) {
            assertThat(rule.get("items").size()).as(rule.get("name").asText()).isPositive();
            if (!rule.get("row").isNull()) {
                rows.add(rule.get("row").asText());
            }
        }
        assertThat(rows).contains("B1", "B10", "A1", "A9");
    }

    @Test
    void health_isOk_withTheVersion_andNoReloadError() {
        JsonNode health = TestClient.json(client.get("/health"));

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("rulesVersion").asText()).isEqualTo(server.rules().current().version());
        assertThat(health.get("watching").asBoolean()).isFalse();
        assertThat(health.get("lastReloadError").isNull()).isTrue();
    }

    @Test
    void playground_isServedWithItsScriptAndStyle_fromThisServiceOnly() {
        HttpResponse<String> page = client.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("script-src 'self'"));
        assertThat(page.body()).contains("/playground.js").contains("/playground.css").doesNotContain("http://", "https://");
        assertThat(client.get("/playground.js").statusCode()).isEqualTo(200);
        assertThat(client.get("/playground.css").statusCode()).isEqualTo(200);
    }
}
