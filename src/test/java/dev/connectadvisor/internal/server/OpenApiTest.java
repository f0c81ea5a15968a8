package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /openapi.json against the real answers: every response of every endpoint has a status
 * the document lists for it, and a body that fits the documented schema (a small structural
 * check: types, enums, required and known properties, items, oneOf).
 */
class OpenApiTest {
    private static AdviceServer server;
    private static TestClient client;
    private static JsonNode api;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0)
                .limits(Duration.ofSeconds(5), 4096, 64 * 1024).shutdownGrace(Duration.ofSeconds(1)));
        client = new TestClient(server.uri());
        HttpResponse<String> response = client.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        api = TestClient.json(response);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void isAnOpenApi31Document_ofEveryEndpointAndMethod() {
        assertThat(api.get("openapi").asText()).isEqualTo("3.1.0");
        Map<String, java.util.Set<String>> served = server.routes().paths();
        assertThat(names(api.get("paths"))).containsExactlyInAnyOrderElementsOf(served.keySet());
        served.forEach((path, methods) -> {
            List<String> documented = names(api.get("paths").get(path));
            for (String method : methods) {
                assertThat(documented).as(path).contains(method.toLowerCase(java.util.Locale.ROOT));
                if (method.equals("GET")) {
                    assertThat(documented).as(path + " answers HEAD too").contains("head");
                }
            }
        });
    }

    @Test
    void theSituationSchema_isOneNode_referredToByEveryRequestBody() {
        assertThat(api.get("components").get("schemas").get("Situation").get("properties").has("daysUntilInterview")).isTrue();
        JsonNode advice = api.get("paths").get("/v1/advice").get("post").get("requestBody").get("content")
                .get("application/json").get("schema");
        assertThat(advice.get("$ref").asText()).isEqualTo("#/components/schemas/Situation");
    }

    @Test
    void everyStatusTheServiceGives_isDocumented_withItsHeaders() {
        conforms("get", "/", client.get("/no/such/path"));
        conforms("get", "/health", client.post("/health", "application/json", "{}"));
        conforms("get", "/health/live", client.get("/health/live"));
        conforms("get", "/health/ready", client.get("/health/ready"));
        JsonNode unavailable = api.get("components").get("responses").get("Unavailable");
        assertThat(unavailable.get("headers").has("Retry-After")).isTrue();
        for (String status : List.of("400", "404", "405", "408", "414", "421", "431", "500", "503", "505")) {
            assertThat(names(operation("post", "/v1/advice").get("responses"))).contains(status);
            assertThat(names(operation("get", "/").get("responses"))).contains(status);
        }
        assertThat(names(operation("post", "/v1/advice").get("responses"))).contains("413", "415");
    }

    @Test
    void advice_answersFitTheDocument() {
        conforms("post", "/v1/advice", client.advise("{\"daysUntilInterview\": 10}"));
        conforms("post", "/v1/advice", client.advise("{\"interviewDate\": \"2026-12-04\", \"today\": \"2026-11-25\"}"));
        conforms("post", "/v1/advice", client.advise("{\"daysUntilInterview\": -6, \"priorRequest\": \"DECLINED\", "
                + "\"applicationRejected\": true, \"interviewerName\": \"Ann\", \"note\": \"Hi\"}"));
        conforms("post", "/v1/advice", client.advise("{\"daysUntilInterview\": 1000}"));
        conforms("post", "/v1/advice", client.post("/v1/advice", "text/plain", "{}"));
        conforms("post", "/v1/advice", client.advise("{\"note\": \"" + "x".repeat(5000) + "\"}"));
        HttpResponse<String> wrongMethod = client.get("/v1/advice");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        conforms("post", "/v1/advice", wrongMethod);
    }

    @Test
    void batch_answersFitTheDocument_lineByLine() {
        HttpResponse<String> response = client.post("/v1/advice/batch", "application/x-ndjson",
                "{\"daysUntilInterview\": 10}\n{\"daysUntilInterview\": \"x\"}\n{\"daysUntilInterview\": -4, \"priorRequest\": \"ACCEPTED\"}\n");
        JsonNode operation = operation("post", "/v1/advice/batch");
        JsonNode documented = operation.get("responses").get("200").get("content").get("application/x-ndjson");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Rules-Version")).isPresent();
        for (String line : response.body().lines().toList()) {
            assertFits(json(line), documented.get("x-line-schema"), "batch line " + line);
        }
        conforms("post", "/v1/advice/batch", client.post("/v1/advice/batch", "text/csv", "x"));
    }

    @Test
    void rulesAndHealth_fitTheDocument() {
        conforms("get", "/v1/rules", client.get("/v1/rules"));
        conforms("get", "/health", client.get("/health"));
        conforms("get", "/openapi.json", client.get("/openapi.json"));
    }

    @Test
    void shadow_fitsTheDocument_withAndWithoutShadowRules(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        conforms("get", "/v1/shadow", client.get("/v1/shadow"));
        var candidate = dev.connectadvisor.internal.verify.RulesCopy.of(tmp).tooEarlyAfterEightDays();
        try (AdviceServer shadowed = AdviceServer.start(AdviceServer.Options.defaults().port(0).shadow(candidate.dir())
                .warmUp(false).shutdownGrace(Duration.ofSeconds(1)))) {
            TestClient other = new TestClient(shadowed.uri());
            other.advise("{\"daysUntilInterview\": 8}");
            HttpResponse<String> shadow = other.get("/v1/shadow");
            for (int i = 0; i < 1500 && !shadow.body().contains("\"compared\":1"); i++) {
                Thread.sleep(20);
                shadow = other.get("/v1/shadow");
            }
            assertThat(shadow.body()).contains("\"example\":{\"daysUntilInterview\":8}");
            conforms("get", "/v1/shadow", shadow);
        }
    }

    /** The status is documented for the operation, and the body fits the documented schema. */
    private static void conforms(String method, String path, HttpResponse<String> response) {
        JsonNode responses = operation(method, path).get("responses");
        String status = String.valueOf(response.statusCode());
        assertThat(names(responses)).as("%s %s documents status %s", method, path, status).contains(status);
        JsonNode documented = resolve(responses.get(status));
        String type = response.headers().firstValue("Content-Type").orElseThrow().split(";")[0].trim();
        if (documented.has("headers") && documented.get("headers").has("Retry-After") && response.statusCode() == 503
                && response.body().contains("OVERLOADED")) {
            assertThat(response.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
        }
        JsonNode content = documented.get("content");
        assertThat(names(content)).as("%s %s %s: content type", method, path, status).contains(type);
        if (documented.has("headers") && documented.get("headers").has("X-Rules-Version")) {
            assertThat(response.headers().firstValue("X-Rules-Version")).as("X-Rules-Version").isPresent();
        }
        assertFits(json(response.body()), content.get(type).get("schema"), method + " " + path + " " + status);
    }

    private static JsonNode operation(String method, String path) {
        JsonNode operation = api.get("paths").get(path).get(method);
        assertThat(operation).as("%s %s is documented", method, path).isNotNull();
        return operation;
    }

    private static void assertFits(JsonNode value, JsonNode schema, String where) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            int fits = 0;
            List<String> why = new ArrayList<>();
            for (JsonNode option : schema.get("oneOf")) {
                try {
                    assertFits(value, option, where);
                    fits++;
                } catch (AssertionError e) {
                    why.add(e.getMessage());
                }
            }
            assertThat(fits).as("%s: exactly one of oneOf fits %s (%s)", where, value, why).isEqualTo(1);
            return;
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            schema.get("type").forEach(t -> types.add(t.asText()));
            if (schema.get("type").isTextual()) {
                types.add(schema.get("type").asText());
            }
            assertThat(types).as("%s: the type of %s", where, value).contains(typeOf(value));
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            assertThat(allowed).as("%s: enum", where).contains(value.asText());
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode field : schema.get("required")) {
                    assertThat(value.has(field.asText())).as("%s: required %s in %s", where, field.asText(), value).isTrue();
                }
            }
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    assertThat(properties.has(field.getKey())).as("%s: documented property %s", where, field.getKey()).isTrue();
                    assertFits(field.getValue(), properties.get(field.getKey()), where + "." + field.getKey());
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode element : value) {
                assertFits(element, schema.get("items"), where + "[]");
            }
        }
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            default -> value.getNodeType().name();
        };
    }

    private static JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = api;
            for (String part : parts) {
                target = target.get(part);
            }
            assertThat(target).as("$ref %s resolves", node.get("$ref").asText()).isNotNull();
            node = target;
        }
        return node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
