package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.cli.ExitCode;
import dev.connectadvisor.internal.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when": the CLI's own JSONL examples, posted one by one and as a batch, give
 * byte for byte the advice of {@code advise --jsonl} on the same rules.
 */
class SameAnswersAsCliTest {
    private static final Path EXAMPLES = Path.of("examples/situations.jsonl");
    private static final Path RULES = Path.of("rules");

    private static AdviceServer server;
    private static TestClient client;
    private static List<String> cliLines;
    private static String cliOutput;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).rules(RULES, false)
                .shutdownGrace(Duration.ofSeconds(2)));
        client = new TestClient(server.uri());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"advise", "--jsonl", "--rules", RULES.toString(), "--input", EXAMPLES.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("the examples hold bad lines too: exit 2").isEqualTo(ExitCode.BAD_INPUT.code());
        cliOutput = out.toString(StandardCharsets.UTF_8);
        cliLines = cliOutput.lines().toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theExamplesHoldGoodAndBadLines_ofEveryVerdict() throws IOException {
        assertThat(cliLines).hasSize(Files.readAllLines(EXAMPLES).size());
        for (String verdict : List.of("CONNECT", "FOLLOW_UP", "WAIT", "LET_THEM_INITIATE", "DONT_CONNECT")) {
            assertThat(cliOutput).contains("\"verdict\":\"" + verdict + "\"");
        }
        assertThat(cliOutput).contains("\"error\"").contains("\"actOn\"");
    }

    @Test
    void eachLinePostedAlone_isAnsweredWithTheSameBytes() throws IOException {
        List<String> situations = Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8);
        int good = 0;
        for (int i = 0; i < situations.size(); i++) {
            String cli = cliLines.get(i);
            if (cli.startsWith("{\"error\"")) {
                continue; // errors differ on purpose: only JSONL answers carry "line"
            }
            HttpResponse<String> response = client.advise(situations.get(i));
            assertThat(response.statusCode()).as(situations.get(i)).isEqualTo(200);
            assertThat(response.body()).as("line %d: %s", i + 1, situations.get(i)).isEqualTo(cli + "\n");
            assertThat(response.headers().firstValue("X-Rules-Version")).hasValue(server.rules().current().version());
            good++;
        }
        assertThat(good).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theBatch_isTheCliOutputByteForByte() throws IOException {
        HttpResponse<String> response = client.post("/v1/advice/batch", "application/x-ndjson",
                Files.readAllBytes(EXAMPLES));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(cliOutput);
    }

    @Test
    void theServedRulesVersion_isTheCliOne() {
        assertThat(cliLines.get(0)).contains("\"rulesVersion\":\"" + server.rules().current().version() + "\"");
    }
}
