package dev.connectadvisor.internal.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.json.DecisionJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --decision-log FILE} as an operator runs it, killed with SIGTERM in the middle of
 * a load: afterwards every line of the file is a whole decision, and there is one line for each
 * answer a client got 200 for, no more and no fewer.
 */
class DecisionLogJarIT {
    private static final int CLIENTS = 4;
    /** Bounds of the load: requests per client, and the whole run. */
    private static final int MAX_REQUESTS = 4000;
    private static final Duration MAX_LOAD = Duration.ofSeconds(60);

    @Test
    void sigtermMidLoad_losesNoLine_andTearsNone(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        Path err = dir.resolve("err.txt");
        Process process = JarServer.start(err, "--decision-log", log.toString());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            URI base = JarServer.address(process, err);
            awaitReady(base);

            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            long deadline = System.nanoTime() + MAX_LOAD.toNanos();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> load(base, client, answered, refused, deadline)));
            }
            while (answered.size() < 500 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            process.destroy(); // SIGTERM, the clients still sending
            for (Future<?> f : clients) {
                f.get(90, TimeUnit.SECONDS);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();

            List<String> lines = Files.readAllLines(log, UTF_8);
            Set<String> logged = new HashSet<>();
            for (String line : lines) {
                logged.add(DecisionJson.read(line).requestId()); // throws on a torn line
            }
            assertThat(answered).as("load before the stop").hasSizeGreaterThanOrEqualTo(500);
            assertThat(refused.get()).as("requests turned away or cut off by the stop").isPositive();
            assertThat(lines).hasSize(answered.size());
            assertThat(logged).isEqualTo(answered);
            assertThat(Files.readString(err, UTF_8)).contains("decision log: " + answered.size() + " lines written")
                    .doesNotContain("\tat ");
        } finally {
            pool.shutdownNow();
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Sends until the service stops answering (or the bounds): records each id answered 200. */
    private static void load(URI base, int client, Set<String> answered, AtomicInteger refused, long deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (int i = 0; i < MAX_REQUESTS && System.nanoTime() < deadline && failures < 20; i++) {
            String id = "load-" + client + "-" + i;
            String body = "{\"daysUntilInterview\": " + (i % 41 - 20) + (i % 4 == 0
                    ? ", \"interviewerName\": \"Sarah Lee\", \"note\": \"Hi Sarah, thank you for the talk " + i + "\"" : "")
                    + "}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/advice")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("X-Request-Id", id)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().startsWith("{\"verdict\"")) {
                    answered.add(id);
                } else {
                    refused.incrementAndGet();
                    failures++;
                }
            } catch (java.io.IOException e) {
                refused.incrementAndGet();
                failures++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitReady(URI base) throws InterruptedException {
        TestClient client = new TestClient(base);
        for (int i = 0; i < 600; i++) {
            try {
                if (client.get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never ready");
    }
}
