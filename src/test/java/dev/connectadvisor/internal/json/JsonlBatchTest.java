package dev.connectadvisor.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectadvisor.ConnectAdvisor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

        assertThat(parallel.result().rejected()).isPositive().isEqualTo(sequential.result().rejected());
        assertThat(parallel.result()).isEqualTo(sequential.result());
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
        assertThat(run.result()).isEqualTo(new JsonlBatch.Result(LINES.length, 3, 0));
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
    void aStreamThatPauses_getsTheAnswersSoFar_beforeItEnds() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream reader = new PipedInputStream(writer, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread batch = new Thread(() -> {
            try {
                new JsonlBatch(ADVISOR::advise).onThreads(2).run(reader, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        batch.start();
        writer.write("{\"daysUntilInterview\": 10}\n{\"daysUntilInterview\": 2}\n".getBytes(StandardCharsets.UTF_8));
        writer.flush();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        int answeredBeforeTheEnd = (int) out.toString(StandardCharsets.UTF_8).lines().count();
        writer.close();

        assertThat(answeredBeforeTheEnd).isEqualTo(2);
    }

    @Test
    void aFailingInput_getsTheLinesReadBeforeTheFailureAnswered_andTellsHowMany() {
        byte[] good = "{\"daysUntilInterview\": 10}\n{\"daysUntilInterview\": 2}\n".getBytes(StandardCharsets.UTF_8);
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(good), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the body is over its cap");
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonlBatch batch = new JsonlBatch(ADVISOR::advise);

        assertThatThrownBy(() -> batch.run(failing, out)).isInstanceOf(IOException.class);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        assertThat(batch.linesRead()).isEqualTo(2);
    }

    private record Run(JsonlBatch.Result result, String output, List<String> lines) {
    }

    private static Run run(ConnectAdvisor advisor, int threads, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonlBatch batch = new JsonlBatch(advisor::advise).onThreads(threads);
        if (advisor.caching()) {
            batch.keepingAnswers(100);
        }
        JsonlBatch.Result exit = batch.run(new ByteArrayInputStream(input), out);
        String output = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, output, new ArrayList<>(output.lines().toList()));
    }
}
