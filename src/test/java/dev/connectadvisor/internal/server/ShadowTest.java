package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Advisor;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --shadow DIR}: a candidate answers every request too, and {@code GET /v1/shadow} shows how it differs. */
class ShadowTest {
    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static JsonNode poll(TestClient client, Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        JsonNode shadow;
        do {
            shadow = TestClient.json(client.get("/v1/shadow"));
            if (until.test(shadow)) {
                return shadow;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never: " + shadow);
    }

    private static String reasons(String advice) {
        return dev.connectadvisor.internal.json.Json.tree(advice).get("reasons").toString();
    }

    @Test
    void everyRequestIsCompared_theDifferencesGroupedByKind_andTheAnswersStayThePrimaryRules() throws Exception {
        RulesCopy candidate = RulesCopy.of(tmp).tooEarlyAfterEightDays();
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).shadow(candidate.dir())
                .warmUp(false).shutdownGrace(Duration.ofSeconds(2)))) {
            TestClient client = new TestClient(server.uri());
            String day8 = client.advise("{\"daysUntilInterview\": 8}").body();
            client.advise("{\"daysUntilInterview\": 8, \"hasReferral\": true, \"note\": \"Hi Sarah\"}"); // the referral row decides: no CON-8 either way
            client.advise("{\"daysUntilInterview\": 10}");
            client.advise("{\"daysUntilInterview\": -5}");
            client.post("/v1/advice/batch", "application/x-ndjson", "{\"daysUntilInterview\": 3}\n{\"daysUntilInterview\": 8}\n");

            JsonNode shadow = poll(client, s -> s.get("compared").asLong() == 6);
            assertThat(reasons(day8)).as("the answer is the primary rules' own").contains("CON-8");

            assertThat(shadow.get("rulesVersion").asText()).isEqualTo(server.rules().current().version());
            assertThat(shadow.get("shadowRulesVersion").asText()).isNotEqualTo(shadow.get("rulesVersion").asText());
            assertThat(shadow.get("agreed").asLong()).isEqualTo(4);
            assertThat(shadow.get("differed").asLong()).isEqualTo(2);
            assertThat(shadow.get("dropped").asLong()).isZero();
            assertThat(shadow.get("differences")).hasSize(1);
            JsonNode difference = shadow.get("differences").get(0);
            assertThat(difference.get("kind").asText()).isEqualTo("WAIT: reasons -CON-8");
            assertThat(difference.get("count").asLong()).isEqualTo(2);
            assertThat(difference.get("example").toString()).isEqualTo("{\"daysUntilInterview\":8}");

            String metrics = client.get("/metrics").body();
            assertThat(metrics).contains("connectadvisor_shadow_requests_total{outcome=\"differed\"} 2.0")
                    .contains("connectadvisor_shadow_requests_total{outcome=\"agreed\"} 4.0")
                    .contains("connectadvisor_shadow_requests_total{outcome=\"dropped\"} 0.0");
        }
    }

    @Test
    void withoutShadowRules_theEndpointSaysHowToHaveThem() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).warmUp(false))) {
            var answer = new TestClient(server.uri()).get("/v1/shadow");
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).contains("serve --shadow DIR");
        }
    }

    @Test
    void whatDoesNotFitTheQueue_isDroppedAndCounted_neverWaitedFor() throws IOException {
        Shadow shadow = new Shadow(RulesCopy.of(tmp).dir(), "primary", Clock.systemUTC(), Duration.ofSeconds(5), false,
                Duration.ofMillis(300)); // not started: nothing takes from the queue
        Advisor primary = Advisor.of(Engine.builtIn());
        LiveRules.Loaded loaded = LiveRules.builtIn(Clock.systemUTC(), Duration.ofSeconds(5)).current();
        Situation s = Situation.builder().daysUntilInterview(8).build();
        var advice = primary.advise(s);
        long start = System.nanoTime();
        for (int i = 0; i < Shadow.CAPACITY + 25; i++) {
            shadow.offer(s, advice, loaded);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        shadow.close();

        assertThat(shadow.dropped()).isEqualTo(25);
        assertThat(shadow.report().get("dropped")).isEqualTo(25L);
        assertThat(millis).as("offering never waits").isLessThan(5_000);
    }

    @Test
    void watch_reloadsTheCandidateToo_andTheCountsStartAfresh() throws Exception {
        Path primary = RulesCopy.of(tmp.resolve("primary")).dir();
        RulesCopy candidate = RulesCopy.of(tmp.resolve("candidate"));
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).rules(primary, true)
                .shadow(candidate.dir()).warmUp(false).shutdownGrace(Duration.ofSeconds(2)))) {
            TestClient client = new TestClient(server.uri());
            client.advise("{\"daysUntilInterview\": 8}");
            JsonNode same = poll(client, s -> s.get("compared").asLong() == 1);
            assertThat(same.get("agreed").asLong()).isEqualTo(1);
            assertThat(same.get("shadowRulesVersion").asText()).isEqualTo(same.get("rulesVersion").asText());

            candidate.tooEarlyAfterEightDays();
            Files.writeString(candidate.dir().resolve("tips.drl"), Files.readString(candidate.dir().resolve("tips.drl"))
                    + "\n// reviewed\n");
            String before = same.get("shadowRulesVersion").asText();
            long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
            JsonNode reloaded;
            do {
                client.advise("{\"daysUntilInterview\": 8}");
                reloaded = TestClient.json(client.get("/v1/shadow"));
                Thread.sleep(50);
            } while ((reloaded.get("shadowRulesVersion").asText().equals(before) || reloaded.get("differed").asLong() == 0)
                    && System.nanoTime() < deadline);

            assertThat(reloaded.get("shadowRulesVersion").asText()).isNotEqualTo(before);
            assertThat(reloaded.get("agreed").asLong()).as("counts since the reload").isZero();
            assertThat(reloaded.get("differences").get(0).get("kind").asText()).isEqualTo("WAIT: reasons -CON-8");
            assertThat(server.rules().current().version()).isEqualTo(same.get("rulesVersion").asText());
        }
    }
}
