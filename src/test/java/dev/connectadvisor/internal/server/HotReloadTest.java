package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --watch}: good edits come in without a restart; bad ones never reach a request. */
class HotReloadTest {
    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);
    private static final String SITUATION = "{\"daysUntilInterview\": 10}";

    @TempDir
    Path dir;

    private AdviceServer server;
    private TestClient client;

    @BeforeEach
    void serveACopyOfTheRules() throws IOException {
        copy(Path.of("rules"), dir);
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).rules(dir, true)
                .shutdownGrace(Duration.ofSeconds(2)));
        client = new TestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrokenDrl_keepsTheOldAnswers_andShowsInHealth_untilItIsFixed() throws IOException {
        // Given the service answers on the rules as copied
        HttpResponse<String> before = client.advise(SITUATION);
        String oldVersion = header(before);
        assertThat(TestClient.json(client.get("/health")).get("watching").asBoolean()).isTrue();
        Path tips = dir.resolve("tips.drl");
        String original = Files.readString(tips, StandardCharsets.UTF_8);

        // When a DRL file is broken
        Files.writeString(tips, original + "\nrule \"Half-written\"\nwhen\n    Situation(daysUntilInterview >\nthen\nend\n",
                StandardCharsets.UTF_8);

        // Then /health shows the problem, located, and the answers stay those of the old rules
        JsonNode health = pollHealth(h -> !h.get("lastReloadError").isNull());
        JsonNode error = health.get("lastReloadError");
        assertThat(error.get("message").asText()).contains("do not compile");
        assertThat(error.get("problems").toString()).contains("tips.drl");
        assertThat(health.get("rulesVersion").asText()).isEqualTo(oldVersion);
        HttpResponse<String> during = client.advise(SITUATION);
        assertThat(during.body()).isEqualTo(before.body());
        assertThat(header(during)).isEqualTo(oldVersion);

        // When it is fixed (with a change, so that the rule sources differ), while requests go on
        Callers callers = new Callers(client, SITUATION);
        Files.writeString(tips, original + "\n// reviewed\n", StandardCharsets.UTF_8);

        // Then the new rules come in without a restart, and the error is gone
        JsonNode fixed = pollHealth(h -> !h.get("rulesVersion").asText().equals(oldVersion));
        callers.stopAfterSeeing(fixed.get("rulesVersion").asText());
        assertThat(fixed.get("lastReloadError").isNull()).isTrue();
        String newVersion = fixed.get("rulesVersion").asText();
        HttpResponse<String> after = client.advise(SITUATION);
        assertThat(header(after)).isEqualTo(newVersion);
        assertThat(TestClient.json(after).get("rulesVersion").asText()).isEqualTo(newVersion);
        assertThat(TestClient.json(after).get("verdict").asText()).isEqualTo("WAIT");
        assertThat(TestClient.json(client.get("/v1/rules")).get("rulesVersion").asText()).isEqualTo(newVersion);
    }

    @Test
    void rulesThatCompileButFailTheScenarioTables_areNotSwappedIn() throws IOException {
        String oldVersion = header(client.advise(SITUATION));
        String oldAnswer = client.advise("{\"daysUntilInterview\": 5}").body();
        Path parameters = dir.resolve("parameters.drl.csv");
        String original = Files.readString(parameters, StandardCharsets.UTF_8);
        assertThat(original).contains("Parameters: the policy's values,3,");

        // When the connect window is widened against the policy (the tables expect 3 days)
        Files.writeString(parameters, original.replace("Parameters: the policy's values,3,", "Parameters: the policy's values,6,"),
                StandardCharsets.UTF_8);

        // Then the reload is refused with the failing rows, and the old rules keep answering
        JsonNode health = pollHealth(h -> !h.get("lastReloadError").isNull());
        assertThat(health.get("lastReloadError").get("message").asText()).contains("fail verify").contains("failed");
        assertThat(health.get("lastReloadError").get("problems").size()).isPositive();
        assertThat(health.get("rulesVersion").asText()).isEqualTo(oldVersion);
        assertThat(client.advise("{\"daysUntilInterview\": 5}").body()).isEqualTo(oldAnswer);
    }

    @Test
    void aRuleThatCallsSystemExit_isRefusedBeforeItRuns_andTheServiceGoesOn() throws IOException {
        HttpResponse<String> before = client.advise(SITUATION);
        String oldVersion = header(before);

        // When the watched folder gains a rule that would end the process as soon as it fired
        Files.writeString(dir.resolve("exit.drl"), """
                package connectadvisor;
                import dev.connectadvisor.Situation;
                rule "Bye: end the process"
                    @item("TIP-1")
                when
                    Situation()
                then
                    System.exit(1);
                end
                """, StandardCharsets.UTF_8);

        // Then the reload is refused, naming the file and the rule, and this JVM (the tests' own) still runs
        JsonNode health = pollHealth(h -> !h.get("lastReloadError").isNull());
        assertThat(health.get("lastReloadError").get("message").asText()).contains("may not");
        assertThat(health.get("lastReloadError").get("problems").toString()).contains("exit.drl:8")
                .contains("Bye: end the process").contains("System.exit");
        assertThat(health.get("rulesVersion").asText()).isEqualTo(oldVersion);
        assertThat(client.advise(SITUATION).body()).isEqualTo(before.body());
        assertThat(client.get("/metrics").body()).contains("connectadvisor_reloads_total{outcome=\"refused\"} 1.0");
    }

    /**
     * Two threads asking the same question during a swap (bounded: 30 s): every answer comes whole
     * from one rule base (header and field agree), and once the new rules answered, the old never do.
     */
    private static final class Callers {
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        private final java.util.List<java.util.concurrent.Future<java.util.List<String>>> seen = new java.util.ArrayList<>();
        private volatile String until;

        Callers(TestClient client, String situation) {
            long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
            for (int t = 0; t < 2; t++) {
                seen.add(threads.submit(() -> {
                    java.util.List<String> versions = new java.util.ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> response = client.advise(situation);
                        assertThat(response.statusCode()).isEqualTo(200);
                        String version = header(response);
                        assertThat(TestClient.json(response).get("rulesVersion").asText()).isEqualTo(version);
                        versions.add(version);
                        if (version.equals(until)) {
                            break;
                        }
                    }
                    return versions;
                }));
            }
        }

        void stopAfterSeeing(String newVersion) {
            until = newVersion;
            try {
                for (var future : seen) {
                    java.util.List<String> versions = future.get(POLL_LIMIT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS);
                    int first = versions.indexOf(newVersion);
                    assertThat(first).as("the new rules answered").isNotNegative();
                    assertThat(versions.subList(first, versions.size())).containsOnly(newVersion);
                    assertThat(versions).containsOnly(versions.get(0), newVersion);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private JsonNode pollHealth(Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        JsonNode health;
        do {
            health = TestClient.json(client.get("/health"));
            if (until.test(health)) {
                return health;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("/health did not change as expected within " + POLL_LIMIT + ": " + health);
    }

    private static String header(HttpResponse<String> response) {
        return response.headers().firstValue("X-Rules-Version").orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
