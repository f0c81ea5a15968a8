package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real traffic: every metric the operators' docs name is there, and
 * Prometheus' own checker ({@code promtool check metrics}, Debian's prometheus package, which
 * .ci/run installs) accepts the text with no complaint.
 */
class MetricsTest {
    private static AdviceServer server;
    private static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).warmUp(false).shutdownGrace(Duration.ofSeconds(1)));
        client = new TestClient(server.uri());
        client.advise("{\"daysUntilInterview\": 10}");
        client.advise("{\"daysUntilInterview\": 10}");
        client.advise("{\"daysUntilInterview\": 2}");
        client.advise("{\"daysUntilInterview\": \"x\"}");
        client.post("/v1/advice/batch", "application/x-ndjson", "{\"daysUntilInterview\": -3}\n{\"daysUntilInterview\": 2}\n");
        client.get("/nothing");
        client.get("/health/live");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theMetrics_countRequestsAdviceCacheReloadsAndTheJvm() {
        HttpResponse<String> response = client.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Routes.METRICS_TYPE);
        String text = response.body();
        assertThat(text)
                .contains("connectadvisor_http_requests_seconds_count{endpoint=\"/v1/advice\",method=\"POST\",status=\"200\"} 3")
                .contains("connectadvisor_http_requests_seconds_count{endpoint=\"/v1/advice\",method=\"POST\",status=\"400\"} 1")
                .contains("connectadvisor_http_requests_seconds_count{endpoint=\"unmatched\",method=\"GET\",status=\"404\"} 1")
                .contains("connectadvisor_http_requests_seconds_bucket{endpoint=\"/v1/advice\",method=\"POST\",status=\"200\",le=\"0.005\"}")
                .contains("connectadvisor_advice_total{row=\"B9\",verdict=\"WAIT\"} 2.0")
                .contains("connectadvisor_advice_total{row=\"B10\",verdict=\"CONNECT\"} 2.0")
                .containsPattern("connectadvisor_advice_total\\{row=\"A\\d\",verdict=\"[A-Z_]+\"} 1.0")
                .contains("connectadvisor_cache_hits_total 2.0")
                .contains("connectadvisor_cache_misses_total 3.0")
                .contains("connectadvisor_reloads_total{outcome=\"applied\"} 0.0")
                .contains("connectadvisor_reloads_total{outcome=\"refused\"} 0.0")
                .contains("connectadvisor_rules_info{origin=\"built-in\",version=\"" + server.rules().current().version() + "\"} 1")
                .contains("connectadvisor_evaluations_slots ")
                .contains("jvm_memory_used_bytes{").contains("jvm_gc_").contains("jvm_threads_live_threads");
    }

    @Test
    void promtool_acceptsTheRealOutput(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (System.getenv("CI") == null) {
            assumeThat(Files.isExecutable(promtool)).as("promtool (Debian's prometheus package; .ci/run installs it)").isTrue();
        }
        Path scraped = dir.resolve("metrics.txt");
        Files.writeString(scraped, client.get("/metrics").body(), StandardCharsets.UTF_8);
        Path out = dir.resolve("promtool.txt");

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(scraped.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(out)).isEmpty();
        assertThat(check.exitValue()).isZero();
    }
}
