package dev.connectadvisor.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document served at {@code GET /openapi.json}, composed here and nowhere else:
 * the paths, responses and output schemas of {@code openapi.json} beside the playground, with the
 * Situation input schema put in as the one node {@code components.schemas.Situation}, which every
 * request body refers to by {@code $ref}.
 *
 * <pre>{@code
 * byte[] served = OpenApiDocument.json();
 * }</pre>
 *
 * <p>The build writes the same bytes to {@code target/openapi/openapi.json} ({@link #main}), and
 * generates the integration tests' client from that file.
 */
public final class OpenApiDocument {
    static final String RESOURCES = "connect-advisor/server/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenApiDocument() {
    }

    /** The answers any request may get, by status, whatever its endpoint (probes: all but 421 and 503). */
    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("400", "BadRequest");
        COMMON.put("404", "NotFound");
        COMMON.put("405", "MethodNotAllowed");
        COMMON.put("408", "RequestTimeout");
        COMMON.put("414", "UriTooLong");
        COMMON.put("421", "MisdirectedRequest");
        COMMON.put("431", "HeadersTooLarge");
        COMMON.put("500", "InternalError");
        COMMON.put("503", "Unavailable");
        COMMON.put("505", "VersionNotSupported");
    }

    /** The probes: answered whatever the Host header, the load and a stop. */
    private static final Set<String> PROBES = Set.of("/health/live", "/health/ready", "/metrics");

    /** The document as served: pretty-printed JSON, UTF-8, with a final newline. */
    public static byte[] json() {
        ObjectNode document = (ObjectNode) read("openapi.json");
        ObjectNode schemas = (ObjectNode) document.get("components").get("schemas");
        schemas.set("Situation", situationSchema());
        schemas.set("ExplainedAdvice", explained((ObjectNode) schemas.get("Advice")));
        ObjectNode paths = (ObjectNode) document.get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            ObjectNode item = (ObjectNode) path.getValue();
            if (item.has("get")) {
                item.set("head", head((ObjectNode) item.get("get")));
            }
            for (Map.Entry<String, JsonNode> operation : item.properties()) {
                ObjectNode responses = (ObjectNode) operation.getValue().get("responses");
                COMMON.forEach((status, name) -> {
                    boolean probeSkips = PROBES.contains(path.getKey()) && (status.equals("421") || status.equals("503"));
                    if (!responses.has(status) && !probeSkips) {
                        responses.putObject(status).put("$ref", "#/components/responses/" + name);
                    }
                });
            }
        }
        try {
            String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Advice with one more field, last: its explanation (the answer of {@code POST /v1/explain}). */
    private static ObjectNode explained(ObjectNode advice) {
        ObjectNode explained = advice.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) explained.get("required")).add("explanation");
        ((ObjectNode) explained.get("properties")).putObject("explanation").put("$ref", "#/components/schemas/Explanation");
        return explained;
    }

    /** HEAD of a GET resource: the same answers, their headers only. */
    private static ObjectNode head(ObjectNode get) {
        ObjectNode head = MAPPER.createObjectNode();
        head.put("operationId", get.get("operationId").asText() + "Head");
        head.put("summary", "The headers of the GET answer, without its body");
        ObjectNode responses = head.putObject("responses");
        for (Map.Entry<String, JsonNode> response : get.get("responses").properties()) {
            JsonNode answer = response.getValue();
            if (answer.has("$ref")) {
                responses.set(response.getKey(), answer.deepCopy());
                continue;
            }
            ObjectNode headers = responses.putObject(response.getKey()).put("description", answer.get("description").asText());
            if (answer.has("headers")) {
                headers.set("headers", answer.get("headers").deepCopy());
            }
        }
        return head;
    }

    /** The schema of a Situation, the input of every advice endpoint: generated from the fields' declarations. */
    static JsonNode situationSchema() {
        return MAPPER.valueToTree(dev.connectadvisor.internal.situation.SituationSchema.openApi(
                dev.connectadvisor.internal.situation.SituationFields.ALL));
    }

    private static JsonNode read(String name) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + RESOURCES + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document to the file named by the first argument (the build's step before the client is generated). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, json());
    }
}
