package dev.connectadvisor.internal.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runnable jar's {@code serve}, started as an operator starts it, for the tests that stop it with a signal. */
final class JarServer {
    static final Path JAR = Path.of("target", "connect-advisor.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern ADDRESS = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/)");

    private JarServer() {
    }

    /** Starts {@code java -jar connect-advisor.jar serve --port 0 ARGS}, its stderr to {@code err}. */
    static Process start(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    /** The address the service prints on its first line (waiting at most 60 s for it). */
    static URI address(Process process, Path err) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(first).as("stderr: %s", Files.readString(err, UTF_8)).isNotNull();
        Matcher address = ADDRESS.matcher(first);
        assertThat(address.find()).as(first).isTrue();
        return URI.create(address.group(1));
    }
}
