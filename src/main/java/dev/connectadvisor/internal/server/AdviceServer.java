package dev.connectadvisor.internal.server;

import com.sun.net.httpserver.HttpServer;
import dev.connectadvisor.internal.engine.Threads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision service over HTTP, on the JDK's built-in server.
 *
 * <pre>{@code
 * try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0))) {
 *     URI base = server.uri();   // http://127.0.0.1:PORT/
 * }
 * }</pre>
 *
 * <p>Bounded work: a fixed pool of {@link Options#workers} threads (the cores by default) takes
 * requests from a queue of {@link Options#queueCapacity}; a request that finds the queue full is
 * answered 503 at once by a single overflow thread. Each advice is bounded in time
 * ({@link Options#adviceTimeout}, through {@link dev.connectadvisor.ConnectAdvisor#withTimeout}). {@link #close()} stops taking connections and lets the
 * requests in flight finish, up to {@link Options#shutdownGrace}.
 */
public final class AdviceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdviceServer.class);
    /** Requests turned away that may wait for their 503. */
    static final int OVERFLOW_QUEUE = 32;

    /**
     * How the service runs.
     *
     * @param host the address to bind; 127.0.0.1 by default (only this machine can call)
     * @param port the port; 0 picks a free one
     * @param rulesDir the rules folder, or null for the rules built into the jar
     * @param watch reload the rules when files in {@code rulesDir} change
     * @param workers the threads that answer requests
     * @param queueCapacity requests that may wait for a worker; past that, 503
     * @param adviceTimeout the time limit of one advice
     * @param maxBodyBytes the largest body of {@code POST /v1/advice}; past that, 413
     * @param maxBatchBytes the largest body of {@code POST /v1/advice/batch}
     * @param shutdownGrace how long {@link #close()} waits for requests in flight
     * @param debounce how long the folder must be quiet before a reload
     */
    public record Options(String host, int port, Path rulesDir, boolean watch, int workers, int queueCapacity,
            Duration adviceTimeout, int maxBodyBytes, long maxBatchBytes, Duration shutdownGrace, Duration debounce) {

        public static final int DEFAULT_PORT = 8080;

        public Options {
            Objects.requireNonNull(host, "host");
            if (watch && rulesDir == null) {
                throw new IllegalArgumentException("--watch needs --rules DIR: the built-in rules never change");
            }
            if (workers < 1 || queueCapacity < 1 || maxBodyBytes < 1 || maxBatchBytes < 1) {
                throw new IllegalArgumentException("workers, queue capacity and body caps must be positive");
            }
        }

        /** 127.0.0.1:8080, the built-in rules, a worker per core, 64 waiting, 5 s per advice, 64 KiB / 16 MiB bodies. */
        public static Options defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options("127.0.0.1", DEFAULT_PORT, null, false, cores, 64, Duration.ofSeconds(5),
                    64 * 1024, 16L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofMillis(300));
        }

        public Options port(int port) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }

        public Options host(String host) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }

        public Options rules(Path rulesDir, boolean watch) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }

        public Options pool(int workers, int queueCapacity) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }

        public Options limits(Duration adviceTimeout, int maxBodyBytes, long maxBatchBytes) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }

        public Options shutdownGrace(Duration shutdownGrace) {
            return new Options(host, port, rulesDir, watch, workers, queueCapacity, adviceTimeout, maxBodyBytes,
                    maxBatchBytes, shutdownGrace, debounce);
        }
    }

    private final HttpServer http;
    private final Routes routes;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor overflow;
    private final RulesWatcher watcher;
    private final LiveRules rules;
    private final Options options;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AdviceServer(HttpServer http, Routes routes, ThreadPoolExecutor workers, ThreadPoolExecutor overflow,
            RulesWatcher watcher, LiveRules rules, Options options) {
        this.http = http;
        this.routes = routes;
        this.workers = workers;
        this.overflow = overflow;
        this.watcher = watcher;
        this.rules = rules;
        this.options = options;
    }

    /**
     * Loads the rules and starts answering.
     *
     * @throws dev.connectadvisor.RulesCompilationException if the rules do not compile
     * @throws java.io.UncheckedIOException if the rules folder cannot be read
     * @throws IOException if the address cannot be bound
     */
    public static AdviceServer start(Options options) throws IOException {
        Clock clock = Clock.systemUTC();
        LiveRules rules = options.rulesDir() == null ? LiveRules.builtIn(clock, options.adviceTimeout())
                : LiveRules.fromDirectory(options.rulesDir(), clock, options.adviceTimeout());
        // Nothing runs until http.start(): the pools create their threads on demand.
        // Past the overflow's own queue a request is refused outright: the JDK server then closes
        // its connection. Never run it on the caller, the server's only dispatcher thread.
        ThreadPoolExecutor overflow = pool("http-overflow", 1, OVERFLOW_QUEUE, new ThreadPoolExecutor.AbortPolicy());
        ThreadPoolExecutor workers = pool("http-worker", options.workers(), options.queueCapacity(),
                (task, executor) -> {
                    // The queue is full: a single overflow thread answers 503 without doing the work.
                    overflow.execute(() -> Routes.overloaded(task));
                });
        RulesWatcher watcher = null;
        HttpServer http;
        Routes routes;
        try {
            routes = new Routes(rules, options);
            watcher = options.watch() ? new RulesWatcher(rules, options.debounce()) : null;
            http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            overflow.shutdownNow();
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
        http.setExecutor(workers);
        http.createContext("/", routes);
        if (watcher != null) {
            watcher.start();
        }
        http.start();
        AdviceServer server = new AdviceServer(http, routes, workers, overflow, watcher, rules, options);
        LOG.info("serving rules {} ({}) on {}", rules.current().version(), rules.current().origin(), server.uri());
        return server;
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue,
            java.util.concurrent.RejectedExecutionHandler rejected) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                Threads.daemons(name + "-"), rejected);
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://HOST:PORT/}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The rules in service and the last refused reload. */
    public LiveRules rules() {
        return rules;
    }

    /**
     * Stops taking new connections, lets the requests in flight finish (up to the grace period),
     * then stops the workers. Idempotent.
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
        // New requests are answered 503 from here on; those already running finish on their rules.
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
        // With a delay of 0, HttpServer.stop closes the listener and the connections at once
        // (with a delay, JDK 17 waits out the whole delay even when nothing runs).
        http.stop(0);
        workers.shutdownNow();
        overflow.shutdownNow();
        LOG.info("stopped");
    }
}
