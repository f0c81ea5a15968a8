package dev.connectadvisor.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The project's one JSON mapping, kept private so that nobody can reconfigure it: strict reading
 * (duplicate keys and trailing tokens rejected, Jackson's default limits on depth and size) and
 * compact writing. The CLI and the HTTP service both go through it.
 */
public final class Json {
    /**
     * What writes Advice and Error objects: jackson-core alone. Building the mapper loads and
     * configures much of jackson-databind (about 100 ms of a cold start's CPU), which one-shot
     * advice from flags never needs; so the mapper is built on first use, in {@link Mapper}.
     */
    private static final JsonFactory WRITER = JsonFactory.builder().build();

    private Json() {
    }

    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses JSON text into a tree, strictly. */
    static JsonNode readTree(String text) throws IOException {
        return Mapper.MAPPER.readTree(text);
    }

    /** A generator writing compact UTF-8 JSON to {@code out}. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return WRITER.createGenerator(out);
    }

    /** A value (maps, lists, strings, numbers) as one line of compact JSON. */
    public static String write(Object value) {
        try {
            return Mapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON document with the object at {@code path} (keys from the root, all objects) replaced by
     * {@code value} (maps, lists, strings, numbers), written compact.
     */
    public static String replacing(String document, List<String> path, Object value) {
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) tree(document);
        com.fasterxml.jackson.databind.node.ObjectNode parent = node;
        for (String key : path.subList(0, path.size() - 1)) {
            parent = (com.fasterxml.jackson.databind.node.ObjectNode) parent.get(key);
        }
        parent.set(path.get(path.size() - 1), Mapper.MAPPER.valueToTree(value));
        return write(node);
    }

    /** JSON text as a tree, for the project's own documents (e.g. the OpenAPI document). */
    public static JsonNode tree(String text) {
        try {
            return Mapper.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
