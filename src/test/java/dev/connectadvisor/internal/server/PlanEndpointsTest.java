package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectadvisor.internal.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/plan} answers what {@code advise --plan --input} prints, byte for byte, and
 * {@code POST /v1/plan.ics} gives one all-day event per acting step of that plan, on its day (both on the
 * built-in rules).
 */
class PlanEndpointsTest {
    private static final String BY_DATE = "{\"interviewDate\": \"2026-12-10\", \"today\": \"2026-12-01\", \"interviewerName\": \"Sarah Lee\"}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static AdviceServer server;
    private static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0)
                .shutdownGrace(Duration.ofSeconds(2)));
        client = new TestClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String cliPlan(String situation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"advise", "--plan", "--input", "-"},
                new ByteArrayInputStream(situation.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePlan_isTheCliPlanByteForByte() {
        for (String situation : List.of(BY_DATE, "{\"daysUntilInterview\": 5}", "{\"daysUntilInterview\": -2, \"followUpsSent\": 1}",
                "{\"daysUntilInterview\": 1, \"toldNotToConnect\": true}")) {
            HttpResponse<String> response = client.post("/v1/plan", "application/json", situation);

            assertThat(response.statusCode()).as(situation).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.body()).as(situation).isEqualTo(cliPlan(situation));
        }
    }

    @Test
    void theCalendar_holdsOneAllDayEventPerActingStep_onItsDate() throws IOException, ParserException {
        JsonNode plan = MAPPER.readTree(client.post("/v1/plan", "application/json", BY_DATE).body());
        List<LocalDate> acting = new ArrayList<>();
        for (JsonNode step : plan.get("steps")) {
            String verdict = step.get("advice").get("verdict").asText();
            if (verdict.equals("CONNECT") || verdict.equals("FOLLOW_UP")) { // the steps that send something
                acting.add(LocalDate.parse(step.get("date").asText()));
            }
        }

        HttpResponse<String> response = client.post("/v1/plan.ics", "application/json", BY_DATE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".ics"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(acting).isNotEmpty();
        assertThat(events).extracting(e -> (LocalDate) e.getStartDate().get().getDate()).isEqualTo(acting);
        assertThat(events.get(0).getProperty("SUMMARY").get().getValue()).contains("Sarah Lee");
    }

    @Test
    void aPlanWithNoDayToSendSomething_hasNoCalendar_204() {
        String situation = "{\"daysUntilInterview\": 3, \"toldNotToConnect\": true}";
        assertThat(client.post("/v1/plan", "application/json", situation).body()).doesNotContain("\"verdict\":\"CONNECT\"")
                .doesNotContain("\"verdict\":\"FOLLOW_UP\"");

        HttpResponse<String> response = client.post("/v1/plan.ics", "application/json", situation);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aBadSituation_isTheErrorObject_onBothEndpoints() {
        for (String path : List.of("/v1/plan", "/v1/plan.ics")) {
            HttpResponse<String> response = client.post(path, "application/json", "{\"daysUntilInterview\": \"soon\"}");

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).startsWith("{\"error\":{\"code\":\"INVALID_VALUE\",\"field\":\"daysUntilInterview\"");
        }
        assertThat(client.post("/v1/plan", "text/plain", "{}").statusCode()).isEqualTo(415);
        assertThat(client.get("/v1/plan").statusCode()).isEqualTo(405);
    }
}
