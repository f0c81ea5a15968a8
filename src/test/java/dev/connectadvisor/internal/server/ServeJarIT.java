package dev.connectadvisor.internal.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/connect-advisor.jar serve --port 0} as an operator runs it: it names
 * its address, answers, and on SIGTERM finishes the request in flight before it exits.
 */
class ServeJarIT {

    @Test
    void serves_andOnSigterm_finishesTheRequestInFlight(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Process process = JarServer.start(err);
        try {
            URI base = JarServer.address(process, err);

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
