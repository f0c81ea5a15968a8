package dev.connectadvisor.internal.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/connect-advisor.jar serve --port 0} as an operator runs it: it names
 * its address, answers, and on SIGTERM finishes the request in flight before it exits.
 */
class ServeJarIT {
    private static final Path JAR = Path.of("target", "connect-advisor.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern ADDRESS = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void serves_andOnSigterm_finishesTheRequestInFlight(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(List.of(JAVA.toString(), "-jar", JAR.toString(), "serve", "--port", "0"))
                .redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(first).as("stderr: %s", Files.readString(err, UTF_8)).isNotNull();
            Matcher address = ADDRESS.matcher(first);
            assertThat(address.find()).as(first).isTrue();
            URI base = URI.create(address.group(1));

            TestClient client = new TestClient(base);
            assertThat(client.advise("{\"daysUntilInterview\": 10}").body()).startsWith("{\"verdict\":\"WAIT\"");

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
                socket.setSoTimeout(15_000);
                OutputStream body = socket.getOutputStream();
                body.write(("POST /v1/advice/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(UTF_8));
                chunk(body, "{\"daysUntilInterview\": 10}\n");
                String start = TestClient.readUntil(socket.getInputStream(), "\"verdict\"");
                assertThat(start).startsWith("HTTP/1.1 200");

                process.destroy(); // SIGTERM
                Thread.sleep(500);
                assertThat(process.isAlive()).as("waits for the request in flight").isTrue();

                chunk(body, "{\"daysUntilInterview\": 2}\n");
                body.write("0\r\n\r\n".getBytes(UTF_8));
                body.flush();
                String rest = TestClient.readUntil(socket.getInputStream(), "0\r\n\r\n");
                assertThat(start + rest).contains("\"verdict\":\"WAIT\"").contains("\"verdict\":\"CONNECT\"");
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after the request").isTrue();
            assertThat(Files.readString(err, UTF_8)).contains("stopping").contains("stopped").doesNotContain("\tat ");
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void chunk(OutputStream out, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(UTF_8));
        out.flush();
    }

}
