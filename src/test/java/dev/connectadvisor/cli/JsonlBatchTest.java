package dev.connectadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The batch answers every line in input order, on one thread or several, cached or not, byte for byte alike. */
class JsonlBatchTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();
    private static final String[] LINES = {
        "{\"daysUntilInterview\": 10}",
        "{\"daysUntilInterview\": 400}",
        "{\"interviewDate\": \"2026-12-04\", \"today\": \"2026-11-25\", \"priorRequest\": \"PENDING\"}",
        "",
        "{\"daysUntilInterview\": -4, \"priorRequest\": \"ACCEPTED\", \"interviewerName\": \"Sarah Lee\", \"note\": \"Hi Sara\"}",
        "not json",
        "{\"daysUntilInterview\": 2}\r",
    };

    @Test
    void manyLines_onSeveralThreads_comeOutInInputOrder_likeOneThreadWithoutCache() throws IOException {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            input.append(LINES[i % LINES.length].isEmpty() ? "{\"daysUntilInterview\": " + (i % 700 - 350) + "}"
                    : LINES[i % LINES.length]).append('\n');
        }
        byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);

        Run sequential = run(ADVISOR.withCache(false), 1, bytes);
        Run parallel = run(ADVISOR, 3, bytes);

        assertThat(parallel.exit()).isEqualTo(Main.BAD_INPUT).isEqualTo(sequential.exit());
        assertThat(parallel.lines()).hasSize(3_000);
        assertThat(parallel.output()).isEqualTo(sequential.output());
        assertThat(parallel.lines().get(1)).startsWith("{\"error\":{\"code\":\"INVALID_VALUE\"").endsWith("\"line\":2}}");
        assertThat(parallel.lines().get(2_999 - 2_999 % LINES.length + 1)).endsWith("\"line\":" + (3_000 - 3_000 % LINES.length + 2) + "}}");
    }

    @Test
    void everyLineIsAnswered_theBadOnesWithTheirLineNumber_andALastLineWithoutNewline() throws IOException {
        String input = String.join("\n", LINES);

        Run run = run(ADVISOR, 2, input.getBytes(StandardCharsets.UTF_8));

        assertThat(run.lines()).hasSize(LINES.length);
        assertThat(run.lines().get(0)).startsWith("{\"verdict\":\"WAIT\",\"actInDays\":7,");
        assertThat(run.lines().get(2)).contains("\"actOn\":\"2026-12-07\"");
        assertThat(run.lines().get(3)).contains("\"code\":\"MALFORMED_JSON\"").endsWith("\"line\":4}}");
        assertThat(run.lines().get(5)).contains("\"code\":\"MALFORMED_JSON\"").endsWith("\"line\":6}}");
        assertThat(run.lines().get(6)).startsWith("{\"verdict\":\"CONNECT\"");
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void aLineLongerThanTheLimit_isAnsweredWithAnError_andTheNextLinesStillAre() throws IOException {
        byte[] huge = new byte[JsonlBatch.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(huge);
        input.write("\n{\"daysUntilInterview\": 10}\n".getBytes(StandardCharsets.UTF_8));

        Run run = run(ADVISOR, 2, input.toByteArray());

        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("longer than").endsWith("\"line\":1}}");
        assertThat(run.lines().get(1)).startsWith("{\"verdict\":\"WAIT\"");
    }

    @Test
    void emptyInput_answersNothing() throws IOException {
        assertThat(run(ADVISOR, 2, new byte[0]).output()).isEmpty();
    }

    @Test
    void progress_reportsLinesDoneAndRate_atMostOnceASecond_andAtTheEnd() throws IOException {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false, now::get);
        progress.add(256);
        now.set(2_000_000_000L);
        progress.add(256);
        progress.add(256);
        progress.finish();

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("512 lines, 256 lines/s, 2.0 s", "768 lines, 384 lines/s, 2.0 s");
    }

    private record Run(int exit, String output, List<String> lines) {
    }

    private static Run run(ConnectAdvisor advisor, int threads, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new JsonlBatch(advisor, out, threads, null).run(new ByteArrayInputStream(input));
        String output = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, output, new ArrayList<>(output.lines().toList()));
    }
}
