package dev.connectadvisor.internal.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: requests by endpoint, method and
 * status with their latency histogram, advice by verdict and by deciding policy row, the advice
 * cache's hits and misses, reloads applied and refused, the rules version (an info metric), the
 * work bound, and the JVM's memory, GC, threads and classes. One registry per server, not a global one.
 */
final class ServiceMetrics implements AutoCloseable {
    /** The histogram's buckets: sub-millisecond answers to the 5 s advice time limit. */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Info rulesInfo;
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> advice = new ConcurrentHashMap<>();
    private volatile String shownVersion;

    ServiceMetrics(LiveRules rules, WorkBound work, AccessLog accessLog) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder("connectadvisor.cache.hits", rules, LiveRules::cacheHits)
                .description("Advice answered from the advice cache").register(registry);
        FunctionCounter.builder("connectadvisor.cache.misses", rules, LiveRules::cacheMisses)
                .description("Advice the cache did not hold, so the rules ran").register(registry);
        FunctionCounter.builder("connectadvisor.reloads", rules, LiveRules::reloadsApplied).tag("outcome", "applied")
                .description("Rule reloads: applied, or refused (the rules before them kept serving)").register(registry);
        FunctionCounter.builder("connectadvisor.reloads", rules, LiveRules::reloadsRefused).tag("outcome", "refused")
                .description("Rule reloads: applied, or refused (the rules before them kept serving)").register(registry);
        FunctionCounter.builder("connectadvisor.access.log.dropped", accessLog, AccessLog::dropped)
                .description("Access log lines dropped because the log could not keep up").register(registry);
        Gauge.builder("connectadvisor.evaluations.running", work, WorkBound::running)
                .description("Evaluations running now").register(registry);
        Gauge.builder("connectadvisor.evaluations.waiting", work, WorkBound::waiting)
                .description("Evaluations waiting for a slot now").register(registry);
        Gauge.builder("connectadvisor.evaluations.slots", work, WorkBound::slots)
                .description("Evaluations that may run at once (--workers)").register(registry);
        rulesInfo = Info.builder().name("connectadvisor_rules")
                .help("The rules in service: their version (a hash of the rule sources) and origin")
                .labelNames("version", "origin").register(registry.getPrometheusRegistry());
        rulesChanged(rules.current());
    }

    /** The shadow rules' comparisons and the decision log's lines, for those the service has (either may be null). */
    void bind(Shadow shadow, dev.connectadvisor.internal.decisionlog.DecisionLog log) {
        if (shadow != null) {
            String help = "Requests the shadow rules (serve --shadow) compared: agreed, differed, or dropped because the shadow was behind";
            FunctionCounter.builder("connectadvisor.shadow.requests", shadow, Shadow::agreed).tag("outcome", "agreed")
                    .description(help).register(registry);
            FunctionCounter.builder("connectadvisor.shadow.requests", shadow, Shadow::differed).tag("outcome", "differed")
                    .description(help).register(registry);
            FunctionCounter.builder("connectadvisor.shadow.requests", shadow, Shadow::dropped).tag("outcome", "dropped")
                    .description(help).register(registry);
            FunctionCounter.builder("connectadvisor.shadow.compared", shadow, Shadow::compared)
                    .description("Requests the shadow rules answered and compared (agreed + differed)").register(registry);
        }
        if (log != null) {
            FunctionCounter.builder("connectadvisor.decision.log.lines", log, l -> l.written())
                    .description("Lines written to the decision log").register(registry);
            FunctionCounter.builder("connectadvisor.decision.log.failed", log, l -> l.failed())
                    .description("Decisions the decision log could not write (a full disk, an unwritable file)").register(registry);
            FunctionCounter.builder("connectadvisor.decision.log.waits", log, l -> l.waits())
                    .description("Answers that waited for room because the decision log's writer was behind").register(registry);
        }
    }

    /** Shows the version of the rules in service (call after a reload); cheap when nothing changed. */
    void rulesChanged(LiveRules.Loaded loaded) {
        if (!loaded.version().equals(shownVersion)) {
            synchronized (this) {
                rulesInfo.setLabelValues(loaded.version(), loaded.origin());
                shownVersion = loaded.version();
            }
        }
    }

    /** One answered request: its endpoint (the route, or "unmatched"), method, status and time. */
    void request(String endpoint, String method, int status, long nanos) {
        String key = endpoint + ' ' + method + ' ' + status;
        Timer timer = requests.get(key);
        if (timer == null) {
            timer = requests.computeIfAbsent(key, k -> Timer.builder("connectadvisor.http.requests")
                    .description("HTTP requests answered, by endpoint, method and status, with their latency")
                    .tags("endpoint", endpoint, "method", method, "status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One advice given (alone or as a batch line), by verdict and by the policy row that decided it. */
    void advice(String verdict, String row) {
        String key = verdict + ' ' + row;
        Counter counter = advice.get(key);
        if (counter == null) {
            counter = advice.computeIfAbsent(key, k -> Counter.builder("connectadvisor.advice")
                    .description("Advice given, by verdict and by the policy row that decided it")
                    .tags("verdict", verdict, "row", row).register(registry));
        }
        counter.increment();
    }

    /** The text format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
