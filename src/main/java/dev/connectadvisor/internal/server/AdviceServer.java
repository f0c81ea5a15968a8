package dev.connectadvisor.internal.server;

import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.decisionlog.DecisionLog;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.SituationJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision service over HTTP, on embedded Jetty 12 (its core handler API, no servlets).
 *
 * <pre>{@code
 * try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0))) {
 *     URI base = server.uri();   // http://127.0.0.1:PORT/
 * }
 * }</pre>
 *
 * <p>Connections: Jetty reads request heads and bodies without holding a thread, so a slow or
 * idle client costs only its socket; a head must arrive within {@link Options#headerTimeout}, a
 * body within {@link Options#bodyTimeout}, and a connection quiet for {@link Options#idleTimeout}
 * is closed. Answers go out in one write with TCP_NODELAY, so keep-alive requests do not wait.
 *
 * <p>Bounded work: at most {@link Options#workers} evaluations run at once and
 * {@link Options#queueCapacity} more wait (holding no thread); past that a request is answered
 * {@code 503 OVERLOADED} with {@code Retry-After} at once. Probes and metrics are answered outside
 * that bound. Each advice is bounded in time ({@link Options#adviceTimeout}). The rules are warmed
 * up before {@code /health/ready} says ready. {@link #close()} answers new requests 503, lets the
 * requests in flight finish (up to {@link Options#shutdownGrace}), then stops.
 */
public final class AdviceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdviceServer.class);
    /** Requests over loopback before the service says ready (they show in the access log). */
    private static final int WARM_UP_REQUESTS = 40;

    /**
     * How the service runs. Immutable; each {@code with}-style method returns a changed copy and
     * checks the new values.
     */
    public static final class Options {
        public static final int DEFAULT_PORT = 8080;
        /** The request line and headers together, at most (past it, 431). */
        public static final int MAX_HEADER_BYTES = 8 * 1024;

        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path rulesDir;
        private boolean watch;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int queueCapacity = 64;
        private Duration queueTimeout = Duration.ofSeconds(1);
        private int maxBatches = 8;
        private Duration adviceTimeout = Duration.ofSeconds(5);
        private int maxBodyBytes = 64 * 1024;
        private long maxBatchBytes = 16L * 1024 * 1024;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private Duration debounce = Duration.ofMillis(300);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private List<String> allowedHosts = List.of();
        private boolean warmUp = true;
        private Consumer<String> accessLog;
        private Path decisionLog;
        private long decisionLogMaxBytes = DecisionLog.DEFAULT_MAX_BYTES;
        private int decisionLogFiles = DecisionLog.DEFAULT_FILES;
        private boolean logPersonalData;
        private Path shadowDir;

        private Options() {
        }

        private Options copy() {
            Options o = new Options();
            o.host = host;
            o.port = port;
            o.rulesDir = rulesDir;
            o.watch = watch;
            o.workers = workers;
            o.queueCapacity = queueCapacity;
            o.queueTimeout = queueTimeout;
            o.maxBatches = maxBatches;
            o.adviceTimeout = adviceTimeout;
            o.maxBodyBytes = maxBodyBytes;
            o.maxBatchBytes = maxBatchBytes;
            o.shutdownGrace = shutdownGrace;
            o.debounce = debounce;
            o.idleTimeout = idleTimeout;
            o.headerTimeout = headerTimeout;
            o.bodyTimeout = bodyTimeout;
            o.allowedHosts = allowedHosts;
            o.warmUp = warmUp;
            o.accessLog = accessLog;
            o.decisionLog = decisionLog;
            o.decisionLogMaxBytes = decisionLogMaxBytes;
            o.decisionLogFiles = decisionLogFiles;
            o.logPersonalData = logPersonalData;
            o.shadowDir = shadowDir;
            return o;
        }

        /**
         * 127.0.0.1:8080, the built-in rules, an evaluation per core at once and 64 waiting, 8
         * batches at once, 5 s per advice, 64 KiB / 16 MiB bodies, 10 s for a request's head, 30 s
         * for a body and for an idle connection, 10 s to finish on a stop.
         */
        public static Options defaults() {
            return new Options();
        }

        /** The value, if it is {@code min..max}; the message names the flag and what it takes. */
        private static int within(String flag, int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(flag + " must be " + what + " to " + max + ", got " + value);
            }
            return value;
        }

        /** @throws IllegalArgumentException if the port is not 0..65535 */
        public Options port(int port) {
            Options o = copy();
            o.port = within("--port", port, 0, 65_535, "0 (any free port)");
            return o;
        }

        public Options host(String host) {
            Options o = copy();
            o.host = Objects.requireNonNull(host, "host");
            return o;
        }

        /** @throws IllegalArgumentException for {@code watch} without a folder */
        public Options rules(Path rulesDir, boolean watch) {
            if (watch && rulesDir == null && shadowDir == null) {
                throw new IllegalArgumentException("--watch needs --rules DIR (or --shadow DIR): the built-in rules never change");
            }
            Options o = copy();
            o.rulesDir = rulesDir;
            o.watch = watch;
            return o;
        }

        /** @throws IllegalArgumentException unless 1..1024 workers and 0..100000 waiting */
        public Options pool(int workers, int queueCapacity) {
            Options o = copy();
            o.workers = within("--workers", workers, 1, 1024, "1");
            o.queueCapacity = within("--queue", queueCapacity, 0, 100_000, "0");
            return o;
        }

        public Options limits(Duration adviceTimeout, int maxBodyBytes, long maxBatchBytes) {
            if (maxBodyBytes < 1 || maxBatchBytes < 1 || adviceTimeout.isNegative() || adviceTimeout.isZero()) {
                throw new IllegalArgumentException("the advice time limit and the body caps must be positive");
            }
            Options o = copy();
            o.adviceTimeout = adviceTimeout;
            o.maxBodyBytes = maxBodyBytes;
            o.maxBatchBytes = maxBatchBytes;
            return o;
        }

        public Options shutdownGrace(Duration shutdownGrace) {
            Options o = copy();
            o.shutdownGrace = shutdownGrace;
            return o;
        }

        /**
         * How long an evaluation may wait for a slot; past it, 503 OVERLOADED rather than an answer its
         * caller may have stopped waiting for.
         */
        public Options queueTimeout(Duration queueTimeout) {
            if (queueTimeout.isNegative() || queueTimeout.isZero() || queueTimeout.toSeconds() > 3600) {
                throw new IllegalArgumentException("--queue-timeout must be above 0 and at most 3600 s, got "
                        + queueTimeout.toMillis() + " ms");
            }
            Options o = copy();
            o.queueTimeout = queueTimeout;
            return o;
        }

        /** The connection timeouts: quiet connection, request head, request body. */
        public Options timeouts(Duration idle, Duration header, Duration body) {
            for (Duration d : List.of(idle, header, body)) {
                if (d.isNegative() || d.isZero() || d.toSeconds() > 3600) {
                    throw new IllegalArgumentException("timeouts must be above 0 and at most 3600 s, got " + d.toMillis()
                            + " ms");
                }
            }
            Options o = copy();
            o.idleTimeout = idle;
            o.headerTimeout = header;
            o.bodyTimeout = body;
            return o;
        }

        /** More names the Host header may give, besides the loopback names and the bound address. */
        public Options allowedHosts(List<String> names) {
            names.forEach(HostCheck::validName);
            Options o = copy();
            o.allowedHosts = List.copyOf(names);
            return o;
        }

        /** @throws IllegalArgumentException unless 1..1024 */
        public Options maxBatches(int maxBatches) {
            Options o = copy();
            o.maxBatches = within("--max-batches", maxBatches, 1, 1024, "1");
            return o;
        }

        /** Whether to warm the rules up (a few evaluations) before saying ready; tests turn it off. */
        public Options warmUp(boolean warmUp) {
            Options o = copy();
            o.warmUp = warmUp;
            return o;
        }

        /**
         * One JSON line per decision in {@code file} (null: none), rotated past {@code maxBytes} with
         * {@code files} kept in all; the personal text only with {@code personal}.
         *
         * @throws IllegalArgumentException unless maxBytes is 1 KiB..1 TiB and files 1..1000
         */
        public Options decisionLog(Path file, long maxBytes, int files, boolean personal) {
            if (maxBytes < 1024 || maxBytes > (1L << 40)) {
                throw new IllegalArgumentException("--decision-log-max-size must be 1KB to 1TB, got " + maxBytes + " bytes");
            }
            Options o = copy();
            o.decisionLog = file;
            o.decisionLogMaxBytes = maxBytes;
            o.decisionLogFiles = within("--decision-log-files", files, 1, 1000, "1");
            o.logPersonalData = personal;
            return o;
        }

        /** A candidate rules folder that answers every request too, off the answer's path (null: none). */
        public Options shadow(Path dir) {
            Options o = copy();
            o.shadowDir = dir;
            return o;
        }

        public Path decisionLog() {
            return decisionLog;
        }

        public Path shadowDir() {
            return shadowDir;
        }

        /** Where the access log lines go instead of the {@code ...server.access} logger (tests). */
        Options accessLog(Consumer<String> sink) {
            Options o = copy();
            o.accessLog = sink;
            return o;
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public Path rulesDir() {
            return rulesDir;
        }

        public boolean watch() {
            return watch;
        }

        public int workers() {
            return workers;
        }

        public int queueCapacity() {
            return queueCapacity;
        }

        public int maxBatches() {
            return maxBatches;
        }

        public Duration queueTimeout() {
            return queueTimeout;
        }

        public Duration adviceTimeout() {
            return adviceTimeout;
        }

        public int maxBodyBytes() {
            return maxBodyBytes;
        }

        public long maxBatchBytes() {
            return maxBatchBytes;
        }

        public Duration shutdownGrace() {
            return shutdownGrace;
        }

        public Duration debounce() {
            return debounce;
        }

        public Duration idleTimeout() {
            return idleTimeout;
        }

        public Duration headerTimeout() {
            return headerTimeout;
        }

        public Duration bodyTimeout() {
            return bodyTimeout;
        }

        public List<String> allowedHosts() {
            return allowedHosts;
        }
    }

    private final Server jetty;
    private final ServerConnector connector;
    private final Routes routes;
    private final RulesWatcher watcher;
    private final LiveRules rules;
    private final ServiceMetrics metrics;
    private final HeaderTimeout headerTimeout;
    private final AccessLog accessLog;
    private final Shadow shadow;
    private final DecisionLog decisionLog;
    private final Options options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean warm;
    /** Marks the warm-up's own requests, which are no decisions (see {@link DecisionTap}). */
    private final String warmUpToken = java.util.UUID.randomUUID().toString();
    private volatile int boundPort = -1;

    private AdviceServer(Options options, LiveRules rules) throws IOException {
        this.options = options;
        this.rules = rules;
        WorkBound work = new WorkBound(options.workers(), options.queueCapacity(), options.queueTimeout());
        this.accessLog = new AccessLog(options.accessLog);
        this.shadow = options.shadowDir == null ? null : new Shadow(options.shadowDir, rules.current().version(),
                Clock.systemUTC(), options.adviceTimeout(), options.watch(), options.debounce());
        this.decisionLog = options.decisionLog == null ? null : new DecisionLog(options.decisionLog,
                options.decisionLogMaxBytes, options.decisionLogFiles, options.logPersonalData);
        this.metrics = new ServiceMetrics(rules, work, accessLog);
        metrics.bind(shadow, decisionLog);
        this.jetty = new Server(threadPool(options));
        this.connector = connector(jetty, options);
        Exchange.Reporter reporter = new Reporter();
        this.routes = new Routes(rules, options, work, metrics, new HostCheck(options.host(), options.allowedHosts()),
                jetty.getScheduler(), this::notReadyBecause, reporter, new DecisionTap(decisionLog, shadow, warmUpToken), shadow);
        jetty.setHandler(routes);
        jetty.setErrorHandler(new JsonErrors(reporter));
        jetty.setStopTimeout(0);
        this.headerTimeout = new HeaderTimeout(options.headerTimeout(), jetty.getScheduler());
        connector.addEventListener(headerTimeout);
        this.watcher = options.watch() && rules.dir() != null ? new RulesWatcher(rules, options.debounce()) : null;
    }

    /**
     * Jetty's threads: the selector and acceptor, the batches (which block on their streams) and
     * everything else; a request waiting for an evaluation slot holds none.
     */
    static QueuedThreadPool threadPool(Options options) {
        int threads = Math.max(64, 16 + options.maxBatches() + 4 * options.workers());
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads));
        pool.setName("http");
        pool.setDaemon(true);
        return pool;
    }

    /**
     * The one HTTP/1.1 connector (the benchmark's hello-world server uses the same): no server
     * version, capped headers, RFC 9110 parsing, idle timeout, TCP_NODELAY, a deep accept queue.
     */
    static ServerConnector connector(Server jetty, Options options) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(Options.MAX_HEADER_BYTES);
        http.setIdleTimeout(options.idleTimeout().toMillis());
        http.setHttpCompliance(HttpCompliance.RFC9110);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.setAcceptedTcpNoDelay(true);
        connector.setReuseAddress(true);
        jetty.addConnector(connector);
        return connector;
    }

    /**
     * Loads the rules and starts answering; {@code /health/ready} says ready once the rules are
     * warmed up (see {@link #awaitReady}).
     *
     * @throws dev.connectadvisor.RulesCompilationException if the rules do not compile or call what a rule may not
     * @throws java.io.UncheckedIOException if the rules folder cannot be read
     * @throws IOException if the address cannot be bound
     */
    public static AdviceServer start(Options options) throws IOException {
        Clock clock = Clock.systemUTC();
        LiveRules rules = options.rulesDir() == null ? LiveRules.builtIn(clock, options.adviceTimeout())
                : LiveRules.fromDirectory(options.rulesDir(), clock, options.adviceTimeout());
        AdviceServer server = new AdviceServer(options, rules);
        try {
            server.jetty.start();
        } catch (IOException e) {
            server.stopQuietly();
            throw e;
        } catch (Exception e) {
            server.stopQuietly();
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw new IOException(e.getMessage(), e);
        }
        server.boundPort = server.connector.getLocalPort();
        server.headerTimeout.start();
        if (server.watcher != null) {
            server.watcher.start();
        }
        if (server.shadow != null) {
            server.shadow.start();
        }
        LOG.info("serving rules {} ({}) on {}", rules.current().version(), rules.current().origin(), server.uri());
        if (options.warmUp) {
            Thread warming = new Thread(server::warmUp, "warm-up");
            warming.setDaemon(true);
            warming.start();
        } else {
            server.warm = true;
        }
        return server;
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("stopping after a failed start: {}", e.toString());
        }
        metrics.close();
        accessLog.close();
        if (watcher != null) {
            watcher.close();
        }
        closeTaps();
    }

    /** Stops the shadow rules, then writes out and closes the decision log: every decided answer has its line. */
    private void closeTaps() {
        if (shadow != null) {
            shadow.close();
        }
        if (decisionLog != null) {
            decisionLog.close();
        }
    }

    /** Null when ready to take work, else why not. */
    private String notReadyBecause() {
        if (!warm) {
            return "warming up the rules";
        }
        if (!rules.current().verified()) {
            return "the rules in service fail verify (see /health)";
        }
        return null;
    }

    /**
     * A few evaluations through the whole path before the service says ready, so that the first
     * caller is answered as fast as later ones: the rules' first sessions, the JSON reader and
     * writer, and Jetty's request path over loopback (one advice and one probe).
     */
    private void warmUp() {
        long start = System.nanoTime();
        try {
            var advisor = rules.current().advisor().withCache(false);
            for (int i = 0; i < 200; i++) {
                byte[] json = ("{\"daysUntilInterview\": " + (i % 40 - 15) + (i % 3 == 0 ? ", \"hasReferral\": true" : "")
                        + "}").getBytes(StandardCharsets.UTF_8);
                Situation situation = SituationJson.read(json);
                AdviceJson.toJson(advisor.advise(situation), situation);
            }
            String host = options.host().equals("0.0.0.0") || options.host().equals("::") ? "127.0.0.1" : options.host();
            // then Jetty's request path and the service's own, over loopback: advice, a batch, a probe
            for (int i = 0; i < WARM_UP_REQUESTS && !closed.get(); i++) {
                String body = "{\"daysUntilInterview\": " + (i % 30 - 10) + "}";
                selfRequest(host, "POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "X-Request-Id: warm-up-" + i + "\r\n" + DecisionTap.WARM_UP_HEADER + ": " + warmUpToken
                        + "\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);
            }
            String lines = "{\"daysUntilInterview\": 3}\n{\"daysUntilInterview\": -3}\n";
            selfRequest(host, "POST /v1/advice/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + DecisionTap.WARM_UP_HEADER + ": " + warmUpToken + "\r\nContent-Length: " + lines.length() + "\r\nConnection: close\r\n\r\n" + lines);
            selfRequest(host, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        } catch (RuntimeException | IOException e) {
            if (!closed.get()) {
                LOG.warn("warming up the rules failed ({}); ready anyway", e.toString());
            }
        }
        warm = true;
        LOG.info("ready: rules warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void selfRequest(String host, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // read the answer to its end: the connection closes after it
            }
        }
    }

    /** Waits until {@code /health/ready} would say ready (warm-up done), at most {@code limit}. */
    public boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!warm && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return warm;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return boundPort;
    }

    /** {@code http://HOST:PORT/}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The routing table (tests hold the OpenAPI document to it). */
    Routes routes() {
        return routes;
    }

    /** The rules in service and the last refused reload. */
    public LiveRules rules() {
        return rules;
    }

    /**
     * Answers new requests 503 (probes go on), lets the requests in flight finish (up to the
     * grace period), then stops listening and closes every connection. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: finishing the requests in flight (up to {} s)", options.shutdownGrace().toSeconds());
        if (watcher != null) {
            watcher.close();
        }
        routes.drain();
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        try {
            while (routes.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (routes.inFlight() > 0) {
            LOG.warn("{} request(s) still running after {} s; closing their connections", routes.inFlight(),
                    options.shutdownGrace().toSeconds());
        }
        headerTimeout.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty: {}", e.toString());
        }
        closeTaps();
        metrics.close();
        accessLog.close();
        LOG.info("stopped" + (decisionLog == null ? "" : "; decision log: " + decisionLog.written() + " lines written"
                + (decisionLog.failed() > 0 ? ", " + decisionLog.failed() + " could not be written" : "")));
    }

    /** The access log (one line per answered request) and the request metrics. */
    private final class Reporter implements Exchange.Reporter {
        @Override
        public void finished(Exchange exchange, int status, long bytes, long nanos) {
            routes.finished();
            String method = exchange.method();
            metrics.request(exchange.endpoint(), metricMethod(method), status, nanos);
            log(method, exchange.path(), status, bytes, nanos, exchange.rulesVersion(), exchange.requestId());
        }

        @Override
        public void finishedUnrouted(Request request, int status, long bytes, long nanos) {
            String method = request.getMethod() == null ? "-" : request.getMethod();
            metrics.request("unmatched", metricMethod(method), status, nanos);
            String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "-"
                    : request.getHttpURI().getPath();
            log(method, path, status, bytes, nanos, "-", "-");
        }

        private void log(String method, String path, int status, long bytes, long nanos, String version, String id) {
            if (!accessLog.enabled()) {
                return;
            }
            StringBuilder line = new StringBuilder(96).append(printable(method)).append(' ').append(printable(path))
                    .append(' ').append(status).append(' ').append(bytes).append(' ');
            long micros = nanos / 1000;
            line.append(micros / 1000).append('.').append((char) ('0' + micros % 1000 / 100)).append("ms rules=")
                    .append(version).append(" id=").append(id);
            accessLog.log(line.toString());
        }
    }

    private static String metricMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" -> method;
            default -> "other";
        };
    }

    /** A request's own text in a log line: at most 200 characters, control characters and spaces escaped. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(c <= ' ' || c == 0x7f ? '_' : c);
        }
        return out.toString();
    }
}
