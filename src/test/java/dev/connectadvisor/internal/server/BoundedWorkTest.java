package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded work: past the evaluation slots and their queue a request is answered 503 at once while
 * the probes go on answering; slow clients hold no worker; at 256 connections every request is
 * answered; a stop lets the requests in flight finish; a streamed batch that outgrows the cap is
 * told so in its last line. Raw loopback sockets hold requests open; every read is bounded by a
 * socket timeout.
 */
class BoundedWorkTest {
    private static final int SOCKET_TIMEOUT_MS = 10_000;
    private static final String HOLD = "{\"daysUntilInterview\": 2, \"interviewerName\": \"Hold\"}";

    @Test
    void pastTheSlotsAndTheQueue_a503WithRetryAfter_whileProbesStillAnswer(@TempDir Path dir) throws Exception {
        HotReloadTest.copy(Path.of("rules"), dir);
        Files.writeString(dir.resolve("hold.drl"), Gate.RULE, StandardCharsets.UTF_8);
        Gate.close();
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).rules(dir, false)
                .pool(1, 1).queueTimeout(Duration.ofSeconds(60)).limits(Duration.ofSeconds(30), 4096, 64 * 1024).warmUp(false)
                .shutdownGrace(Duration.ofSeconds(1)))) {
            TestClient client = new TestClient(server.uri());
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                // Given the one slot held by an evaluation at the gate, and one more waiting for it
                Future<HttpResponse<String>> running = callers.submit(() -> client.advise(HOLD));
                poll(() -> Gate.held() == 1);
                Future<HttpResponse<String>> waiting = callers.submit(() -> client.advise("{\"daysUntilInterview\": 2}"));
                poll(() -> client.get("/metrics").body().contains("connectadvisor_evaluations_waiting 1.0"));

                // When another request comes, it is answered 503 at once, with a hint to retry
                HttpResponse<String> refused = client.advise("{\"daysUntilInterview\": 2}");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(TestClient.json(refused).get("error").get("code").asText()).isEqualTo("OVERLOADED");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                HttpResponse<String> batch = client.post("/v1/advice/batch", "application/x-ndjson", "{\"daysUntilInterview\": 2}\n");
                assertThat(batch.statusCode()).as("a batch is turned away before it starts").isEqualTo(503);

                // And the probes, outside the bound, still answer
                assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
                assertThat(TestClient.json(client.get("/health/ready")).get("status").asText()).isNotEmpty();
                assertThat(client.get("/metrics").statusCode()).isEqualTo(200);

                // Then, once the gate opens, the held and the waiting requests are answered
                Gate.open();
                assertThat(running.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(waiting.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(client.advise("{\"daysUntilInterview\": 2}").statusCode()).isEqualTo(200);
            } finally {
                Gate.open();
                callers.shutdownNow();
            }
        }
    }

    @Test
    void fiveHundredSlowHeaderConnections_costNoWorker_aNormalClientIsAnswered() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).pool(1, 1).warmUp(false)
                .shutdownGrace(Duration.ofSeconds(1)))) {
            List<Socket> holders = new ArrayList<>();
            try {
                // Given 500 connections whose request heads never end (and two with bare-LF lines)
                for (int i = 0; i < 500; i++) {
                    Socket socket = connect(server);
                    String head = i < 2 ? "POST /v1/advice HTTP/1.1\nHost: 127.0.0.1\n" : "POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\n";
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    holders.add(socket);
                }
                TestClient client = new TestClient(server.uri());

                // When a normal client asks, it is answered, advice and probes alike
                for (int i = 0; i < 20; i++) {
                    assertThat(client.advise("{\"daysUntilInterview\": " + i + "}").statusCode()).isEqualTo(200);
                }
                assertThat(client.get("/health").statusCode()).isEqualTo(200);
                assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
            } finally {
                for (Socket socket : holders) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aHeadThatNeverEnds_isAnswered408_afterTheHeaderTimeout() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).warmUp(false)
                .timeouts(Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30))
                .shutdownGrace(Duration.ofSeconds(1)));
                Socket socket = connect(server)) {
            // Given a request head sent a little at a time, each part well within the idle timeout
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = "";
            for (int i = 0; i < 40 && answer.isEmpty(); i++) {
                sleep(250);
                try {
                    out.write(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (socket.getInputStream().available() > 0) {
                    answer = TestClient.readUntil(socket.getInputStream(), "}\n");
                }
            }
            if (answer.isEmpty()) {
                answer = TestClient.readUntil(socket.getInputStream(), "}\n");
            }

            // Then it is answered 408 with the Error object, and closed
            assertThat(answer).startsWith("HTTP/1.1 408").contains("{\"error\":{\"code\":\"REQUEST_TIMEOUT\"");
        }
    }

    @Test
    void at256Connections_everyRequestIsAnswered_2xxOr503() throws Exception {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).pool(1, 8).warmUp(false)
                .shutdownGrace(Duration.ofSeconds(2)))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                byte[] request = ("POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 26\r\n\r\n{\"daysUntilInterview\": 10}").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 256; i++) {
                    sockets.add(connect(server));
                }
                // all at once: the sockets' requests are written before any answer is read
                for (Socket socket : sockets) {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                }
                int ok = 0;
                int overloaded = 0;
                List<String> other = new ArrayList<>();
                for (Socket socket : sockets) {
                    String answer = TestClient.readUntil(socket.getInputStream(), "}\n");
                    if (answer.startsWith("HTTP/1.1 200")) {
                        ok++;
                    } else if (answer.startsWith("HTTP/1.1 503") && answer.contains("Retry-After: 1")) {
                        overloaded++;
                    } else {
                        other.add(answer.isEmpty() ? "(no answer)" : answer.lines().findFirst().orElse(""));
                    }
                }
                System.out.printf("RELIABILITY 256 connections at once: %d answered 200, %d answered 503, %d otherwise%n",
                        ok, overloaded, other.size());
                assertThat(other).isEmpty();
                assertThat(ok).isPositive();
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void stopping_letsARequestInFlightFinish() throws Exception {
        AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0)
                .shutdownGrace(Duration.ofSeconds(10)));
        try (Socket socket = connect(server)) {
            // Given a batch under way: one line sent and answered, the rest still to come
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/advice/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk(out, "{\"daysUntilInterview\": 10}\n");
            String first = TestClient.readUntil(socket.getInputStream(), "\"verdict\"");
            assertThat(first).startsWith("HTTP/1.1 200");

            // When the service is told to stop
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            sleep(300);
            assertThat(stopping).isNotDone();

            // Then the batch can still finish, every line answered
            chunk(out, "{\"daysUntilInterview\": 2}\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = TestClient.readUntil(socket.getInputStream(), "0\r\n\r\n");
            assertThat(first + rest).contains("\"verdict\":\"WAIT\"").contains("\"verdict\":\"CONNECT\"");
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
        // And nothing listens any more
        assertThat(canConnect(server)).isFalse();
    }

    @Test
    void aStreamedBatchPastTheCap_endsWithOneLineSayingWhereItStopped() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0)
                .limits(Duration.ofSeconds(5), 4096, 100).shutdownGrace(Duration.ofSeconds(1)));
                Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/advice/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 6; i++) {
                chunk(out, "{\"daysUntilInterview\": 10}\n"); // 27 bytes each: the cap of 100 falls in line 4
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String response = TestClient.readUntil(socket.getInputStream(), "0\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(count(response, "\"verdict\"")).isEqualTo(3);
            assertThat(response).contains("{\"error\":{\"code\":\"BODY_TOO_LARGE\"").contains("\"line\":4}}");
        }
    }

    @Test
    void anAdviceOverItsTimeLimit_is503Timeout_andABatchLineAnErrorLine(@TempDir Path dir) throws IOException {
        HotReloadTest.copy(Path.of("rules"), dir);
        Files.writeString(dir.resolve("slow.drl"), """
                package connectadvisor;
                import dev.connectadvisor.Situation;
                rule "Slow: a rule whose Java code takes its time"
                    @item("TIP-4")
                when
                    Situation(interviewerName == "Slow Poke")
                then
                    try { Thread.sleep(2000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                end
                """, StandardCharsets.UTF_8);
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).rules(dir, false)
                .limits(Duration.ofMillis(300), 4096, 64 * 1024).shutdownGrace(Duration.ofSeconds(1)))) {
            TestClient client = new TestClient(server.uri());

            HttpResponse<String> slow = client.advise("{\"daysUntilInterview\": 2, \"interviewerName\": \"Slow Poke\"}");
            assertThat(slow.statusCode()).isEqualTo(503);
            assertThat(TestClient.json(slow).get("error").get("code").asText()).isEqualTo("TIMEOUT");

            HttpResponse<String> batch = client.post("/v1/advice/batch", "application/x-ndjson",
                    "{\"daysUntilInterview\": 2, \"interviewerName\": \"Slow Poke\"}\n{\"daysUntilInterview\": 2}\n");
            List<String> lines = batch.body().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("\"code\":\"INTERNAL_ERROR\"").contains("no answer within 300 ms")
                    .contains("\"line\":1");
            assertThat(lines.get(1)).startsWith("{\"verdict\":\"CONNECT\"");
        }
    }

    private static Socket connect(AdviceServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        return socket;
    }

    private static boolean canConnect(AdviceServer server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }


    /** Waits (bounded: 20 s) until the condition holds. */
    private static void poll(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition held within 20 s").isLessThan(deadline);
            sleep(20);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
