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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded work: a full queue is answered 503 at once; a stop lets the requests in flight finish;
 * a streamed batch that outgrows the cap is told so in its last line. Raw loopback sockets hold
 * requests open; every read is bounded by a socket timeout.
 */
class BoundedWorkTest {
    private static final int SOCKET_TIMEOUT_MS = 10_000;

    @Test
    void aFullQueue_isAnswered503_andTheServiceRecovers() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).pool(1, 1)
                .shutdownGrace(Duration.ofSeconds(1)))) {
            TestClient client = new TestClient(server.uri());
            List<Socket> holders = new ArrayList<>();
            try {
                // Given the one worker busy with a request whose headers never end, and one more waiting
                for (int i = 0; i < 2; i++) {
                    Socket socket = connect(server);
                    socket.getOutputStream().write("POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    holders.add(socket);
                    sleep(300);
                }

                // When another request comes
                HttpResponse<String> refused = client.advise("{\"daysUntilInterview\": 2}");

                // Then it is answered 503 at once, with a hint to retry
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(TestClient.json(refused).get("error").get("code").asText()).isEqualTo("OVERLOADED");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            } finally {
                for (Socket socket : holders) {
                    socket.close();
                }
            }
            // And once the holders are gone, the service answers again
            HttpResponse<String> ok = pollUntilOk(client);
            assertThat(ok.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void evenWithTheOverflowFull_theServerNeverStalls() throws IOException {
        try (AdviceServer server = AdviceServer.start(AdviceServer.Options.defaults().port(0).pool(1, 1)
                .shutdownGrace(Duration.ofSeconds(1)))) {
            List<Socket> holders = new ArrayList<>();
            try {
                // Given the worker, its queue, the overflow thread and the overflow queue all held
                int held = 1 + 1 + 1 + AdviceServer.OVERFLOW_QUEUE;
                for (int i = 0; i < held; i++) {
                    Socket socket = connect(server);
                    socket.getOutputStream().write("POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    holders.add(socket);
                    sleep(i < 3 ? 200 : 20);
                }

                // When one more request comes, its connection is closed at once (no answer possible)
                try (Socket extra = connect(server)) {
                    extra.setSoTimeout(5000);
                    extra.getOutputStream().write(("POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                    extra.getOutputStream().flush();
                    String answer;
                    try {
                        answer = TestClient.readUntil(extra.getInputStream(), "\r\n\r\n");
                    } catch (java.net.SocketException reset) {
                        answer = ""; // closed with unread bytes: a reset
                    }
                    assertThat(answer).as("closed, not answered").isEmpty();
                }
            } finally {
                for (Socket socket : holders) {
                    socket.close();
                }
            }
            // Then, once the holders are gone, the service answers again
            assertThat(pollUntilOk(new TestClient(server.uri())).statusCode()).isEqualTo(200);
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


    private static HttpResponse<String> pollUntilOk(TestClient client) {
        HttpResponse<String> response = null;
        for (int i = 0; i < 50; i++) {
            response = client.advise("{\"daysUntilInterview\": 2}");
            if (response.statusCode() == 200) {
                break;
            }
            sleep(100);
        }
        return response;
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
