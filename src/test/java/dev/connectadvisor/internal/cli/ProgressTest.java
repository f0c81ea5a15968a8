package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void progress_reportsLinesDoneAndRate_atMostOnceASecond_andAtTheEnd() {
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
}
