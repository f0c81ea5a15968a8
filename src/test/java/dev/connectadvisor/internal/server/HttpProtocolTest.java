package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP as a client sees it, over raw loopback sockets where a proper client would not go wrong:
 * HEAD for every GET resource, 431 for oversized headers, unsupported versions and malformed
 * requests answered with the Error object (never HTML), the Host check, the headers every answer
 * carries, the request id and the access log.
 */
class HttpProtocolTest {
    private static final List<String> ACCESS = new CopyOnWriteArrayList<>();
    private static AdviceServer server;
    private static TestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).warmUp(false).accessLog(ACCESS::add)
                .allowedHosts(List.of("advisor.internal")).shutdownGrace(Duration.ofSeconds(1)));
        client = new TestClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "HEAD {0}")
    @ValueSource(strings = {"/", "/playground.js", "/playground.css", "/openapi.json", "/v1/rules", "/health", "/health/live",
        "/health/ready", "/metrics"})
    void everyGetResource_answersHead_withTheGetHeadersAndNoBody(String path) throws IOException {
        String get = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String head = raw("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(head).startsWith(get.lines().findFirst().orElseThrow());
        assertThat(head).endsWith("\r\n\r\n").as("no body").hasSizeLessThan(get.length());
        assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
        if (!path.equals("/metrics")) {
            assertThat(header(head, "Content-Length")).isEqualTo(header(get, "Content-Length"));
        }
    }

    @Test
    void oversizedHeaders_are431_inJson() throws IOException {
        String answer = raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(header(answer, "Content-Type")).isEqualTo("application/json");
        assertThat(body(answer)).startsWith("{\"error\":{\"code\":\"HEADERS_TOO_LARGE\"");
    }

    @ParameterizedTest(name = "malformed request {index}")
    @ValueSource(strings = {
        "GET /health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /health HTTP/1.1\r\n\r\n",
        "GET /he alth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}",
        "GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "\u0001\u0002\u0003\r\n\r\n",
    })
    void aMalformedOrUnsupportedRequest_getsTheErrorObject_neverHtmlNorAnExceptionName(String request) throws IOException {
        String answer = raw(request);

        assertThat(answer).matches("(?s)HTTP/1\\.1 (400|404|421|505) .*");
        assertThat(header(answer, "Content-Type")).isEqualTo("application/json");
        assertThat(body(answer)).startsWith("{\"error\":{\"code\":\"").doesNotContain("Exception").doesNotContain("<");
    }

    @Test
    void theHostHeader_mustNameTheService() {
        assertThat(get("/v1/rules", "evil.example").statusCode()).isEqualTo(421);
        assertThat(TestClient.json(get("/", "evil.example:" + server.port())).get("error").get("code").asText())
                .isEqualTo("HOST_NOT_ALLOWED");
        assertThat(get("/v1/rules", "localhost:" + server.port()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/rules", "advisor.internal").statusCode()).as("--allowed-host").isEqualTo(200);
        assertThat(get("/health/live", "evil.example").statusCode()).as("probes answer any Host").isEqualTo(200);
    }

    @Test
    void apiAnswers_areNotStored_andThePageCannotBeFramed() {
        HttpResponse<String> advice = client.advise("{\"daysUntilInterview\": 10}");
        assertThat(advice.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(client.get("/v1/rules").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(client.get("/nothing").headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> page = client.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aRequestId_isEchoedWhenSafe_madeOtherwise_andLogged() {
        HttpResponse<String> given = send(HttpRequest.newBuilder(server.uri().resolve("/health")).header("X-Request-Id", "abc-123.x"));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123.x");
        HttpResponse<String> unsafe = send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                .header("X-Request-Id", "a b<script>" + "x".repeat(80)));
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
        assertThat(client.get("/health").headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");

        // the log is written off the request's thread: wait for the line (bounded: 10 s)
        String version = server.rules().current().version();
        String expected = "GET /health 200 \\d+ \\d+\\.\\dms rules=" + version + " id=abc-123\\.x";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ACCESS.stream().noneMatch(line -> line.matches(expected)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(ACCESS).anySatisfy(line -> assertThat(line).matches(expected));
    }

    @Test
    void noAnswerShowsAnAbsolutePath() {
        for (String path : List.of("/health", "/v1/rules", "/metrics", "/openapi.json")) {
            assertThat(client.get(path).body()).as(path).doesNotContain(System.getProperty("user.dir"))
                    .doesNotContain(System.getProperty("java.io.tmpdir") + "/");
        }
    }

    private static HttpResponse<String> get(String path, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = TestClient.readUntil(socket.getInputStream(), "\u0000never");
            return new RawResponse(Integer.parseInt(answer.substring(9, 12)), body(answer));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as they are, reads until the server closes (or 10 s). */
    static String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String marker = request.startsWith("HEAD") ? "\r\n\r\n" : "\u0000never";
            return TestClient.readUntil(socket.getInputStream(), marker);
        }
    }

    private static String header(String answer, String name) {
        for (String line : answer.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith(name.toLowerCase(java.util.Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static String body(String answer) {
        int start = answer.indexOf("\r\n\r\n");
        return start < 0 ? "" : answer.substring(start + 4);
    }

    /** A status and body read off a raw socket, for the JSON helpers of TestClient. */
    private record RawResponse(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
