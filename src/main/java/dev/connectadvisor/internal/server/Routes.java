package dev.connectadvisor.internal.server;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Plan;
import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.calendar.PlanCalendar;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.Json;
import dev.connectadvisor.internal.json.JsonlBatch;
import dev.connectadvisor.internal.json.ServiceError;
import dev.connectadvisor.internal.json.SituationJson;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints: a table of method and path to handler, and each endpoint's answer. Adding an
 * endpoint is one {@link #route} line and its handler. Every GET resource answers HEAD too.
 *
 * <p>Three kinds of route: {@link Kind#API} (the Host check, 503 while stopping,
 * {@code Cache-Control: no-store}), {@link Kind#PAGE} (the playground: the same, but cacheable
 * once revalidated) and {@link Kind#PROBE} (health probes and metrics: answered whatever the load
 * and during a stop, without the Host check, so that an orchestrator can always ask).
 */
final class Routes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    static final String RULES_VERSION_HEADER = "X-Rules-Version";
    static final String JSON = Exchange.JSON;
    static final String JSONL = "application/x-ndjson";
    static final String TEXT = "text/plain; charset=utf-8";
    /** Media types taken as JSONL for the batch. */
    static final Set<String> JSONL_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines");
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    enum Kind { API, PAGE, PROBE }

    /** What answers one method on one path. */
    @FunctionalInterface
    interface Endpoint {
        void answer(Exchange exchange) throws IOException;
    }

    private record Route(String name, Kind kind, Endpoint endpoint) {
    }

    private final LiveRules rules;
    private final AdviceServer.Options options;
    private final WorkBound work;
    private final ServiceMetrics metrics;
    private final HostCheck hosts;
    private final Scheduler scheduler;
    private final Readiness readiness;
    private final Exchange.Reporter reporter;
    private final Semaphore batches;
    private final DecisionTap tap;
    private final Shadow shadow;
    /** path -> method -> route; HEAD is answered by the GET route. */
    private final Map<String, Map<String, Route>> table = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    /** The answers of the rules in service to recent bodies; replaced when the rules change. */
    private volatile Answers answers;

    /** Whether the service takes work: warmed up, on verified rules, not stopping. */
    interface Readiness {
        /** Null when ready, else why not. */
        String notReadyBecause();
    }

    Routes(LiveRules rules, AdviceServer.Options options, WorkBound work, ServiceMetrics metrics, HostCheck hosts,
            Scheduler scheduler, Readiness readiness, Exchange.Reporter reporter, DecisionTap tap, Shadow shadow) {
        this.tap = tap;
        this.shadow = shadow;
        this.rules = rules;
        this.options = options;
        this.work = work;
        this.metrics = metrics;
        this.hosts = hosts;
        this.scheduler = scheduler;
        this.readiness = readiness;
        this.reporter = reporter;
        this.batches = new Semaphore(options.maxBatches());
        route("POST", "/v1/advice", Kind.API, this::advice);
        route("POST", "/v1/advice/batch", Kind.API, this::batch);
        route("POST", "/v1/explain", Kind.API, exchange -> evaluate(exchange, Routes::explained));
        route("POST", "/v1/plan", Kind.API, exchange -> evaluate(exchange, (e, loaded, body) -> plan(e, loaded, body, false)));
        route("POST", "/v1/plan.ics", Kind.API, exchange -> evaluate(exchange, (e, loaded, body) -> plan(e, loaded, body, true)));
        route("GET", "/v1/rules", Kind.API, this::rules);
        route("GET", "/health", Kind.API, this::health);
        route("GET", "/health/live", Kind.PROBE, this::live);
        route("GET", "/health/ready", Kind.PROBE, this::ready);
        route("GET", "/metrics", Kind.PROBE, this::metrics);
        route("GET", "/v1/shadow", Kind.API, this::shadow);
        route("GET", "/openapi.json", Kind.API, file(OpenApiDocument.json(), JSON));
        route("GET", "/", Kind.PAGE, file(resource("index.html"), "text/html; charset=utf-8"));
        route("GET", "/playground.css", Kind.PAGE, file(resource("playground.css"), "text/css; charset=utf-8"));
        route("GET", "/playground.js", Kind.PAGE, file(resource("playground.js"), "text/javascript; charset=utf-8"));
    }

    private void route(String method, String path, Kind kind, Endpoint endpoint) {
        table.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, new Route(path, kind, endpoint));
    }

    /** The paths and methods served, for the tests that hold the OpenAPI document to them. */
    Map<String, Set<String>> paths() {
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        table.forEach((path, methods) -> paths.put(path, methods.keySet()));
        return paths;
    }

    /** From now on new requests are answered 503; those already running go on, and probes still answer. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    /** Requests being handled now (probes included). */
    int inFlight() {
        return inFlight.get();
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        inFlight.incrementAndGet();
        Exchange exchange = new Exchange(request, response, callback, reporter);
        try {
            route(exchange);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("{} {}: the connection failed: {}", exchange.method(), exchange.path(), e.toString());
            if (!exchange.answered()) {
                exchange.error(500, ServiceError.INTERNAL_ERROR, "internal error: the answer could not be written");
            }
        } catch (RuntimeException e) {
            internalError(exchange, e);
        }
        return true;
    }

    private void route(Exchange exchange) throws IOException {
        String path = exchange.path();
        Map<String, Route> methods = table.get(path);
        if (methods == null) {
            exchange.header("Cache-Control", "no-store");
            exchange.error(404, ServiceError.NOT_FOUND, "no endpoint " + shorten(path) + "; see /openapi.json");
            return;
        }
        String method = exchange.method();
        Route route = methods.get(HttpMethod.HEAD.is(method) ? "GET" : method);
        exchange.endpoint(route == null ? methods.values().iterator().next().name() : route.name());
        Kind kind = route == null ? methods.values().iterator().next().kind() : route.kind();
        exchange.header("Cache-Control", kind == Kind.PAGE ? "no-cache" : "no-store");
        if (kind != Kind.PROBE && !hosts.allows(exchange.request.getHeaders().get(HttpHeader.HOST))) {
            String host = exchange.request.getHeaders().get(HttpHeader.HOST);
            exchange.error(421, ServiceError.HOST_NOT_ALLOWED, (host == null ? "the Host header is missing"
                    : "the Host header '" + shorten(host) + "' is not a name of this service") + "; it answers to "
                    + String.join(", ", hosts.names()) + " (an operator adds a name with serve --allowed-host NAME)");
            return;
        }
        if (route == null) {
            List<String> allowed = new ArrayList<>(methods.keySet());
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            exchange.header("Allow", String.join(", ", allowed));
            exchange.error(405, ServiceError.METHOD_NOT_ALLOWED, shorten(method) + " is not allowed here; use "
                    + String.join(" or ", allowed));
            return;
        }
        if (draining && kind != Kind.PROBE) {
            exchange.header("Connection", "close");
            exchange.error(503, ServiceError.SHUTTING_DOWN, "the service is stopping; try another instance or again later");
            return;
        }
        route.endpoint().answer(exchange);
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    // POST /v1/advice, /v1/plan, /v1/plan.ics ------------------------------------------------------

    /** What one POST endpoint makes of a situation's body, on the rules it started with. */
    @FunctionalInterface
    private interface Evaluation {
        void answer(Exchange exchange, LiveRules.Loaded loaded, byte[] body);
    }

    private void advice(Exchange exchange) {
        evaluate(exchange, this::answer);
    }

    /** Reads the JSON body without a worker, then evaluates it in an evaluation slot (or answers 503). */
    private void evaluate(Exchange exchange, Evaluation evaluation) {
        LiveRules.Loaded loaded = rules.current(); // once: this request finishes on these rules
        exchange.rules(loaded.version());
        if (!contentType(exchange, Set.of(JSON))) {
            return;
        }
        exchange.readBody(options.maxBodyBytes(), scheduler, options.bodyTimeout(), body -> {
            if (!work.offer(() -> answered(exchange, () -> evaluation.answer(exchange, loaded, body)), () -> overloaded(exchange))) {
                overloaded(exchange);
            }
        });
    }

    /** Runs an evaluation off the request's thread: whatever fails in it, the request still gets an answer. */
    private static void answered(Exchange exchange, Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            internalError(exchange, e);
        }
    }

    private static void internalError(Exchange exchange, RuntimeException e) {
        LOG.error("{} {}: internal error", exchange.method(), exchange.path(), e);
        if (!exchange.answered()) {
            exchange.error(500, ServiceError.INTERNAL_ERROR, "internal error");
        }
    }

    /** A situation read from a body, and what the rules made of it. */
    private record Asked<T>(Situation situation, T answer) {
    }

    /** Reads the body and asks the rules; null once a bad situation or a failure of the rules is answered. */
    private static <T> Asked<T> ask(Exchange exchange, byte[] body, java.util.function.Function<Situation, T> question) {
        try {
            Situation situation = SituationJson.read(body);
            return new Asked<>(situation, question.apply(situation));
        } catch (InvalidSituationException | AdviceException e) {
            rejected(exchange, e);
            return null;
        }
    }

    /** The answer to a situation the rules could not take: 400 for a bad one, 503 or 500 when the rules failed. */
    private static void rejected(Exchange exchange, RuntimeException failure) {
        if (failure instanceof InvalidSituationException invalid) {
            exchange.send(400, JSON, Exchange.line(AdviceJson.toJson(invalid, null)));
        } else if (failure instanceof AdviceException e && e.kind() == AdviceException.Kind.TIMEOUT) {
            exchange.error(503, ServiceError.TIMEOUT, "the rules gave no answer in time: " + e.getMessage());
        } else {
            exchange.error(500, ServiceError.INTERNAL_ERROR, "the rules gave no answer: " + failure.getMessage());
        }
    }

    private void answer(Exchange exchange, LiveRules.Loaded loaded, byte[] body) {
        long start = System.nanoTime();
        Answers known = Answers.applies(loaded, body) ? answersOf(loaded) : null;
        Answers.Stored stored = known == null ? null : known.get(body);
        if (stored != null) {
            rules.countCacheHit();
            metrics.advice(stored.verdict(), stored.row());
            tap.decided(exchange, loaded, stored.situation(), stored.advice(), System.nanoTime() - start);
            exchange.send(200, JSON, stored.answer());
            return;
        }
        Asked<Advice> asked = ask(exchange, body, loaded.advisor()::advise);
        if (asked == null) {
            return;
        }
        Situation situation = asked.situation();
        Advice advice = asked.answer();
        String row = loaded.decidingRow(advice.firedRules());
        metrics.advice(advice.verdict().name(), row);
        byte[] answer = Exchange.line(AdviceJson.toJson(advice, situation));
        if (known != null) {
            known.put(body, situation, new Answers.Stored(answer, advice.verdict().name(), row, situation, advice));
        }
        tap.decided(exchange, loaded, situation, advice, System.nanoTime() - start);
        exchange.send(200, JSON, answer);
    }

    /** The advice with its explanation: what {@code advise --explain --json} prints. */
    private static void explained(Exchange exchange, LiveRules.Loaded loaded, byte[] body) {
        Asked<Explanation> asked = ask(exchange, body, loaded.advisor()::explain);
        if (asked != null) {
            exchange.send(200, JSON, Exchange.line(AdviceJson.toJson(asked.answer(), asked.situation())));
        }
    }

    /** The plan as JSON, or its acting steps as an iCalendar file (one all-day event each). */
    private static void plan(Exchange exchange, LiveRules.Loaded loaded, byte[] body, boolean calendar) {
        Asked<Plan> asked = ask(exchange, body, loaded.advisor()::plan);
        if (asked == null) {
            return;
        }
        if (!calendar) {
            exchange.send(200, JSON, Exchange.line(AdviceJson.toJson(asked.answer(), asked.situation())));
            return;
        }
        if (!PlanCalendar.hasEvents(asked.answer())) {
            exchange.noContent(); // no day on which to send something: no file (a calendar holds at least one event)
            return;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PlanCalendar.write(asked.answer(), loaded.advisor().today(), Instant.now(), file);
        exchange.header("Content-Disposition", "attachment; filename=\"connect-advisor-plan.ics\"");
        exchange.send(200, wantsText(exchange, Set.of("text/calendar")) ? TEXT : PlanCalendar.MEDIA_TYPE, file.toByteArray());
    }

    private Answers answersOf(LiveRules.Loaded loaded) {
        Answers current = answers;
        if (current == null || current.rules != loaded) {
            current = new Answers(loaded);
            answers = current;
        }
        return current;
    }

    private void overloaded(Exchange exchange) {
        exchange.header("Retry-After", "1");
        exchange.error(503, ServiceError.OVERLOADED, "the service is at capacity (" + work.slots() + " evaluations at once, "
                + work.maxWaiting() + " waiting); try again shortly");
    }

    // POST /v1/advice/batch --------------------------------------------------------------------

    /**
     * Streams: each line is answered as it comes, so the batch runs on this thread with blocking
     * reads and writes, and each line waits for an evaluation slot like any advice. At most
     * {@code maxBatches} run at once; a batch that would wait behind a full queue is turned away
     * (503) before it starts, since once its answer has begun every line must be answered.
     */
    private void batch(Exchange exchange) throws IOException {
        LiveRules.Loaded loaded = rules.current(); // once: every line is answered on these rules
        exchange.rules(loaded.version());
        if (!contentType(exchange, JSONL_TYPES)) {
            return;
        }
        if (exchange.request.getLength() > options.maxBatchBytes()) {
            exchange.tooLarge(options.maxBatchBytes());
            return;
        }
        if (work.waiting() >= work.maxWaiting() || !batches.tryAcquire()) {
            overloaded(exchange);
            return;
        }
        try {
            if (!exchange.startStream()) {
                return;
            }
            Response response = exchange.response;
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, wantsText(exchange, JSONL_TYPES) ? TEXT : JSONL);
            Throwable failure = null;
            OutputStream out = Content.Sink.asOutputStream(response);
            CappedInput in = new CappedInput(Content.Source.asInputStream(exchange.request), options.maxBatchBytes());
            // A line without an answer in time still gets its line (an INTERNAL_ERROR), never a gap.
            JsonlBatch batch = new JsonlBatch(situation -> work.await(() -> {
                long start = System.nanoTime();
                Advice advice = loaded.advisor().advise(situation);
                metrics.advice(advice.verdict().name(), loaded.decidingRow(advice.firedRules()));
                tap.decided(exchange, loaded, situation, advice, System.nanoTime() - start);
                return advice;
            }));
            try {
                try {
                    batch.run(in, out);
                } catch (CappedInput.TooLarge e) {
                    int next = batch.linesRead() + 1;
                    out.write(Exchange.line(AdviceJson.serviceError(ServiceError.BODY_TOO_LARGE, "the batch is larger than "
                            + options.maxBatchBytes() + " bytes; line " + next + " and those after it were not read", next)));
                }
                out.close(); // the last chunk
            } catch (IOException | UncheckedIOException e) {
                failure = e;
                LOG.debug("a batch ended early: {}", e.toString());
            }
            exchange.streamed(failure);
        } finally {
            batches.release();
        }
    }

    /** True for a caller that accepts text/plain but none of {@code types}: it gets the same bytes as text. */
    private static boolean wantsText(Exchange exchange, Set<String> types) {
        List<String> accept = exchange.request.getHeaders().getValuesList(HttpHeader.ACCEPT);
        if (accept.isEmpty()) {
            return false;
        }
        String lower = String.join(",", accept).toLowerCase(Locale.ROOT);
        return lower.contains("text/plain") && types.stream().noneMatch(lower::contains);
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

    // GET /v1/rules, /health, /health/live, /health/ready, /metrics -----------------------------

    private void rules(Exchange exchange) {
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
        exchange.rules(loaded.version());
        exchange.send(200, JSON, json(body));
    }

    private void health(Exchange exchange) {
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
        exchange.rules(loaded.version());
        exchange.send(200, JSON, json(body));
    }

    private void live(Exchange exchange) {
        exchange.send(200, JSON, json(Map.of("status", "live")));
    }

    private void ready(Exchange exchange) {
        LiveRules.Loaded loaded = rules.current();
        exchange.rules(loaded.version());
        String why = draining ? "the service is stopping" : readiness.notReadyBecause();
        if (why == null) {
            exchange.send(200, JSON, json(Map.of("status", "ready", "rulesVersion", loaded.version())));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "not ready");
            body.put("reason", why);
            exchange.send(503, JSON, json(body));
        }
    }

    private void metrics(Exchange exchange) {
        metrics.rulesChanged(rules.current());
        exchange.send(200, METRICS_TYPE, metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code GET /v1/shadow}: the shadow rules' comparison so far; 404 without {@code serve --shadow}. */
    private void shadow(Exchange exchange) {
        exchange.rules(rules.current().version());
        if (shadow == null) {
            exchange.error(404, ServiceError.NOT_FOUND, "no shadow rules: start the service with serve --shadow DIR");
            return;
        }
        exchange.send(200, JSON, json(shadow.report()));
    }

    // the playground and the document ------------------------------------------------------------

    private static Endpoint file(byte[] body, String contentType) {
        return exchange -> {
            if (contentType.startsWith("text/html")) {
                exchange.header("Content-Security-Policy", PAGE_POLICY);
                exchange.header("X-Frame-Options", "DENY");
                exchange.header("Referrer-Policy", "no-referrer");
            }
            exchange.send(200, contentType, body);
        };
    }

    private static byte[] resource(String name) {
        String path = OpenApiDocument.RESOURCES + name;
        try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // helpers ----------------------------------------------------------------------------------

    /** True if the request's Content-Type is one of {@code allowed} (charset, if any, UTF-8); else answers 415. */
    private static boolean contentType(Exchange exchange, Set<String> allowed) {
        String header = exchange.request.getHeaders().get(HttpHeader.CONTENT_TYPE);
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
        exchange.error(415, ServiceError.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (header == null ? "(none)" : shorten(header))
                + " is not accepted here; send " + String.join(" or ", allowed.stream().sorted().toList()) + " in UTF-8");
        return false;
    }

    private static byte[] json(Object value) {
        return Exchange.line(Json.write(value));
    }
}
