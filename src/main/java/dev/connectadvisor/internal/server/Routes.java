package dev.connectadvisor.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.Json;
import dev.connectadvisor.internal.json.JsonlBatch;
import dev.connectadvisor.internal.json.ServiceError;
import dev.connectadvisor.internal.json.SituationJson;
import dev.connectadvisor.internal.situation.SituationFields;
import dev.connectadvisor.internal.situation.SituationSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoints: routing by exact path and method, and each endpoint's answer. */
final class Routes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    static final String RULES_VERSION_HEADER = "X-Rules-Version";
    static final String JSON = "application/json";
    static final String JSONL = "application/x-ndjson";
    /** Media types taken as JSONL for the batch. */
    static final Set<String> JSONL_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines");

    /** The most a refused body is read (and dropped) for; past that its connection is closed unread. */
    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    /** Set while the overflow thread runs a request the full queue turned away: answer 503 at once. */
    private static final ThreadLocal<Boolean> OVERLOADED = ThreadLocal.withInitial(() -> false);

    private final LiveRules rules;
    private final AdviceServer.Options options;
    private final Map<String, Static> statics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    private record Static(String contentType, byte[] body) {
    }

    Routes(LiveRules rules, AdviceServer.Options options) {
        this.rules = rules;
        this.options = options;
        this.statics = Map.of(
                "/", resource("index.html", "text/html; charset=utf-8"),
                "/playground.css", resource("playground.css", "text/css; charset=utf-8"),
                "/playground.js", resource("playground.js", "text/javascript; charset=utf-8"),
                "/openapi.json", openApi());
    }

    /** Runs a request that found the queue full, so that it is answered 503 without doing its work. */
    static void overloaded(Runnable exchange) {
        OVERLOADED.set(true);
        try {
            exchange.run();
        } finally {
            OVERLOADED.set(false);
        }
    }

    /** From now on new requests are answered 503; those already running go on. */
    void drain() {
        draining = true;
    }

    /** Requests being handled now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (OVERLOADED.get()) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                error(exchange, 503, ServiceError.OVERLOADED, "the service is at capacity (" + options.workers() + " workers, "
                        + options.queueCapacity() + " waiting); try again shortly");
                return;
            }
            if (draining) {
                exchange.getResponseHeaders().set("Connection", "close");
                error(exchange, 503, ServiceError.SHUTTING_DOWN, "the service is stopping; try another instance or again later");
                return;
            }
            route(exchange);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("{} {}: the connection failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("{} {}: internal error", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                error(exchange, 500, ServiceError.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way; the connection is closed
            }
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/v1/advice" -> {
                if (allow(exchange, "POST")) {
                    advice(exchange);
                }
            }
            case "/v1/advice/batch" -> {
                if (allow(exchange, "POST")) {
                    batch(exchange);
                }
            }
            case "/v1/rules" -> {
                if (allow(exchange, "GET")) {
                    rules(exchange);
                }
            }
            case "/health" -> {
                if (allow(exchange, "GET")) {
                    health(exchange);
                }
            }
            default -> {
                Static file = statics.get(path);
                if (file == null) {
                    error(exchange, 404, ServiceError.NOT_FOUND, "no endpoint " + path + "; see /openapi.json");
                } else if (allow(exchange, "GET")) {
                    if (path.equals("/")) {
                        exchange.getResponseHeaders().set("Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:");
                    }
                    send(exchange, 200, file.contentType(), file.body());
                }
            }
        }
        LOG.debug("{} {} answered", method, path);
    }

    private static boolean allow(HttpExchange exchange, String method) throws IOException {
        if (method.equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        error(exchange, 405, ServiceError.METHOD_NOT_ALLOWED, exchange.getRequestMethod() + " is not allowed here; use " + method);
        return false;
    }

    // POST /v1/advice --------------------------------------------------------------------------

    private void advice(HttpExchange exchange) throws IOException {
        LiveRules.Loaded loaded = rules.current(); // once: this request finishes on these rules
        exchange.getResponseHeaders().set(RULES_VERSION_HEADER, loaded.version());
        if (!contentType(exchange, Set.of(JSON))) {
            return;
        }
        byte[] body = body(exchange, options.maxBodyBytes());
        if (body == null) {
            return;
        }
        Situation situation;
        Advice advice;
        try {
            situation = SituationJson.read(body);
            advice = loaded.advisor().advise(situation);
        } catch (InvalidSituationException e) {
            send(exchange, 400, JSON, line(AdviceJson.toJson(e, null)));
            return;
        } catch (AdviceException e) {
            if (e.kind() == AdviceException.Kind.TIMEOUT) {
                error(exchange, 503, ServiceError.TIMEOUT, "the rules gave no answer in time: " + e.getMessage());
            } else {
                send(exchange, 500, JSON, line(AdviceJson.serviceError(ServiceError.INTERNAL_ERROR, "the rules gave no answer: " + e.getMessage(), null)));
            }
            return;
        }
        send(exchange, 200, JSON, line(AdviceJson.toJson(advice, situation)));
    }

    // POST /v1/advice/batch --------------------------------------------------------------------

    private void batch(HttpExchange exchange) throws IOException {
        LiveRules.Loaded loaded = rules.current(); // once: every line is answered on these rules
        exchange.getResponseHeaders().set(RULES_VERSION_HEADER, loaded.version());
        if (!contentType(exchange, JSONL_TYPES)) {
            return;
        }
        long declared = contentLength(exchange);
        if (declared > options.maxBatchBytes()) {
            tooLarge(exchange, options.maxBatchBytes());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", JSONL);
        exchange.sendResponseHeaders(200, 0); // chunked: answers stream out as lines come in
        OutputStream out = exchange.getResponseBody();
        CappedInput in = new CappedInput(exchange.getRequestBody(), options.maxBatchBytes());
        // A line without an answer in time still gets its line (an INTERNAL_ERROR), never a gap.
        JsonlBatch batch = new JsonlBatch(loaded.advisor()::advise);
        try {
            batch.run(in, out);
        } catch (CappedInput.TooLarge e) {
            int next = batch.linesRead() + 1;
            out.write(line(AdviceJson.serviceError(ServiceError.BODY_TOO_LARGE, "the batch is larger than "
                    + options.maxBatchBytes() + " bytes; line " + next + " and those after it were not read", next)));
            out.flush();
            drain(exchange.getRequestBody());
        }
        out.flush();
    }

    /** A request body that ends with {@link TooLarge} past a byte cap. */
    static final class CappedInput extends FilterInputStream {
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("body over the cap");
            }
        }

        private final long cap;
        private long count;

        CappedInput(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > cap) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > cap) {
                throw new TooLarge();
            }
            return n;
        }
    }

    // GET /v1/rules, GET /health ---------------------------------------------------------------

    private void rules(HttpExchange exchange) throws IOException {
        LiveRules.Loaded loaded = rules.current();
        List<Map<String, Object>> list = new ArrayList<>();
        for (RuleInfo rule : loaded.advisor().rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", rule.name());
            r.put("items", rule.items());
            r.put("row", rule.row());
            list.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rulesVersion", loaded.version());
        body.put("loadedAt", loaded.loadedAt().toString());
        body.put("origin", loaded.origin());
        body.put("rules", list);
        exchange.getResponseHeaders().set(RULES_VERSION_HEADER, loaded.version());
        send(exchange, 200, JSON, json(body));
    }

    private void health(HttpExchange exchange) throws IOException {
        LiveRules.Loaded loaded = rules.current();
        LiveRules.ReloadError error = rules.lastError();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("rulesVersion", loaded.version());
        body.put("loadedAt", loaded.loadedAt().toString());
        body.put("origin", loaded.origin());
        body.put("watching", options.watch());
        if (error == null) {
            body.put("lastReloadError", null);
        } else {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", error.at().toString());
            e.put("message", error.message());
            e.put("problems", error.problems());
            body.put("lastReloadError", e);
        }
        exchange.getResponseHeaders().set(RULES_VERSION_HEADER, loaded.version());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, JSON, json(body));
    }

    // helpers ----------------------------------------------------------------------------------

    /** True if the request's Content-Type is one of {@code allowed} (charset, if any, UTF-8); else answers 415. */
    private static boolean contentType(HttpExchange exchange, Set<String> allowed) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        if (header != null) {
            String[] parts = header.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean utf8 = true;
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].trim().split("=", 2);
                if (param[0].trim().equalsIgnoreCase("charset")) {
                    utf8 = param.length == 2 && param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8");
                }
            }
            if (allowed.contains(type) && utf8) {
                return true;
            }
        }
        error(exchange, 415, ServiceError.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (header == null ? "(none)" : header)
                + " is not accepted here; send " + String.join(" or ", allowed.stream().sorted().toList()) + " in UTF-8");
        return false;
    }

    /** The body, or null after answering 413 when it is over {@code cap} bytes. */
    private static byte[] body(HttpExchange exchange, int cap) throws IOException {
        if (contentLength(exchange) > cap) {
            tooLarge(exchange, cap);
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(cap + 1);
        if (body.length > cap) {
            tooLarge(exchange, cap);
            return null;
        }
        return body;
    }

    private static long contentLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void tooLarge(HttpExchange exchange, long cap) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        error(exchange, 413, ServiceError.BODY_TOO_LARGE, "the body is larger than " + cap + " bytes");
        drain(exchange.getRequestBody());
    }

    /**
     * Reads and drops what the client is still sending (up to {@link #DRAIN_LIMIT}), after the
     * answer went out: closing a socket with unread bytes resets it, and a reset can destroy the
     * answer before the client has read it.
     */
    private static void drain(InputStream body) {
        byte[] buffer = new byte[16 * 1024];
        long left = DRAIN_LIMIT;
        try {
            int n;
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to protect
        }
    }

    private static void error(HttpExchange exchange, int status, ServiceError code, String message) throws IOException {
        send(exchange, status, JSON, line(AdviceJson.serviceError(code, message, null)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The JSON text and its newline, as one line of the CLI's output. */
    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Object value) {
        return line(Json.write(value));
    }

    /** The OpenAPI document, with the Situation schema generated from the field declarations. */
    private static Static openApi() {
        String document = new String(resource("openapi.json", JSON).body(), StandardCharsets.UTF_8);
        String composed = Json.replacing(document, List.of("components", "schemas", "Situation"),
                SituationSchema.openApi(SituationFields.ALL));
        return new Static(JSON, (composed + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Static resource(String name, String contentType) {
        String path = "connect-advisor/server/" + name;
        try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new Static(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
