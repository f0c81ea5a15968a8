package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} refuses to start, with the contract's exit code, when it cannot serve. */
class ServeCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void watchWithoutARulesFolder_isAUsageError() {
        assertThat(run("serve", "--port", "0", "--watch")).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--watch needs --rules");
    }

    @Test
    void aTimeoutThatIsNotPositive_isAUsageError() {
        assertThat(run("serve", "--port", "0", "--timeout", "0")).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--timeout");
    }

    @Test
    void aPortOutOfRange_isAUsageError() {
        assertThat(run("serve", "--port", "99999")).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be 0").contains("65535").contains("99999");
    }

    @Test
    void anAllowedHostWithAPortOrScheme_isAUsageError() {
        assertThat(run("serve", "--port", "0", "--allowed-host", "http://x.example:80")).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--allowed-host");
    }

    @Test
    void rulesThatCallSystemExit_areRefusedAtStart_exit3(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("exit.drl"), "package connectadvisor;\nimport dev.connectadvisor.Situation;\n"
                + "rule \"Bye\" @item(\"TIP-1\") when Situation() then System.exit(1); end\n");

        assertThat(run("serve", "--port", "0", "--rules", dir.toString())).isEqualTo(ExitCode.RULES_BROKEN.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exit.drl:3").contains("rule \"Bye\" calls System.exit");
    }

    @Test
    void rulesThatDoNotCompile_exit3_withTheProblemLocated(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package connectadvisor;\nrule \"x\" when then end end\n");

        assertThat(run("serve", "--port", "0", "--rules", dir.toString())).isEqualTo(ExitCode.RULES_BROKEN.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.drl:2");
    }

    @Test
    void aPortInUse_isReported() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("serve", "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
