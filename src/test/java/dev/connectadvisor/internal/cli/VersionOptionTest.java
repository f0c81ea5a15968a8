package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --version} and {@code -V} answer on every command, with the version pom.xml gives the build. */
class VersionOptionTest {
    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        // the project's own version: the first <version> after its artifactId
        Matcher m = Pattern.compile("<artifactId>connect-advisor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "advise --version", "advise -V", "verify --version", "verify -V",
            "serve --version", "serve -V"})
    void everyCommand_printsTheBuildsVersion(String args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.split(" "), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("connect-advisor " + pomVersion());
    }
}
