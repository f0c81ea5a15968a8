package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code advise --explain}, readable and JSON; without it, the contract's Advice is unchanged. */
class AdviseExplainTest {
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readable_endsWithTheExplanation() {
        String out = run("advise", "--days-until-interview", "2", "--referral", "--explain");

        assertThat(out).contains("DON'T CONNECT", "Explanation:",
                "Decided by B6 You have a referral: do not go over their head: phase ($d): $d >= 0"
                        + " (daysUntilInterview is 2); hasReferral: true (hasReferral is true)",
                "Not the rows above:",
                "B1 Not your interviewer: do not connect: directInterviewer: false (directInterviewer is true)");
    }

    @Test
    void json_hasAnExplanationField_onlyWithExplain() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode plain = mapper.readTree(run("advise", "--days-until-interview", "2", "--referral", "--json"));
        JsonNode explained = mapper.readTree(run("advise", "--days-until-interview", "2", "--referral", "--json", "--explain"));

        assertThat(plain.has("explanation")).isFalse();
        JsonNode why = explained.get("explanation");
        assertThat(why.get("decidingRow").asText()).isEqualTo("B6");
        assertThat(why.get("held").get(1).asText()).isEqualTo("hasReferral: true (hasReferral is true)");
        assertThat(why.get("rowsAbove").get(0).get("row").asText()).isEqualTo("B1");
        assertThat(why.get("rowsAbove").get(0).get("notHeld").get(0).asText())
                .isEqualTo("directInterviewer: false (directInterviewer is true)");
        JsonNode b6 = why.get("table").get("rows").get(5);
        assertThat(b6.get("row").asText()).isEqualTo("B6");
        assertThat(b6.get("matches").asBoolean()).isTrue();
        assertThat(why.get("table").get("rows").get(10).get("inPhase").asBoolean()).as("A1 is of the other phase").isFalse();
        ((com.fasterxml.jackson.databind.node.ObjectNode) explained).remove("explanation");
        assertThat(explained).isEqualTo(plain);
    }
}
