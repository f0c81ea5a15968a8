package dev.connectadvisor.internal.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.DecisionJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log's file: whole lines, rotated by size, the personal text left out unless asked for. */
class DecisionLogTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();

    @TempDir
    Path dir;

    private static Situation situation(int i) {
        Situation.Builder b = Situation.builder().daysUntilInterview(i % 41 - 20);
        if (i % 3 == 0) {
            b.interviewerName("Sarah Lee").note("Hi Sarah, thank you for the interview about the platform team " + i);
        }
        return b.build();
    }

    /** Decisions from 4 threads at once through a listener on the facade; every one answered. */
    private static int decide(DecisionLog log, int count) throws Exception {
        ConnectAdvisor advisor = ADVISOR.withDecisionListener(log);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += 4) {
                        advisor.advise(situation(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    private List<Path> files(Path log) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(log.getFileName().toString())).sorted().toList();
        }
    }

    @Test
    void aTinyMaximum_rotatesOften_andEveryLineIsWholeInExactlyOneFile() throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        DecisionLog decisions = new DecisionLog(log, 2048, 1000, false);
        int made = decide(decisions, 600);
        decisions.close();

        List<Path> files = files(log);
        assertThat(files.size()).as("rotated files").isGreaterThan(50);
        Set<String> ids = new HashSet<>();
        int lines = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).as(file.toString()).isLessThanOrEqualTo(2048);
            assertThat(bytes[bytes.length - 1]).as("ends with a whole line: " + file).isEqualTo((byte) '\n');
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                DecisionJson.Logged logged = DecisionJson.read(line);
                assertThat(logged.requestId()).isNotBlank();
                ids.add(logged.requestId());
                lines++;
            }
        }
        assertThat(lines).isEqualTo(made);
        assertThat(ids).hasSize(made);
        assertThat(decisions.written()).isEqualTo(made);
        assertThat(decisions.failed()).isZero();
    }

    @Test
    void rotation_keepsTheNumberOfFilesAskedFor_theNewestLinesLast() throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        DecisionLog decisions = new DecisionLog(log, 4096, 3, false);
        decide(decisions, 300);
        decisions.close();

        assertThat(files(log)).extracting(p -> p.getFileName().toString())
                .containsExactly("decisions.jsonl", "decisions.jsonl.1", "decisions.jsonl.2");
        // the log reopens in append mode: a restart goes on in the same file
        long size = Files.size(log);
        DecisionLog again = new DecisionLog(log, 1 << 20, 3, false);
        ADVISOR.withDecisionListener(again).advise(situation(7));
        again.close();
        assertThat(Files.size(log)).isGreaterThan(size);
        assertThat(Files.readAllLines(log)).allSatisfy(DecisionJson::read);
    }

    @Test
    void personalText_isLeftOut_butWhatTheRulesReadOfTheNoteStays() throws Exception {
        Situation personal = Situation.builder().daysUntilInterview(-4).interviewerName("Jonathan Price")
                .note("Hi Jonathon, thank you for the interview.").yourName("Alex Kim").topic("the billing migration")
                .company("Acme").build();
        Path plain = dir.resolve("plain.jsonl");
        DecisionLog withoutPersonal = new DecisionLog(plain, 1 << 20, 2, false);
        ADVISOR.withDecisionListener(withoutPersonal).advise(personal);
        withoutPersonal.close();
        Path full = dir.resolve("full.jsonl");
        DecisionLog withPersonal = new DecisionLog(full, 1 << 20, 2, true);
        ADVISOR.withDecisionListener(withPersonal).advise(personal);
        withPersonal.close();

        String line = Files.readString(plain);
        assertThat(line).doesNotContain("Jonathan", "Jonathon", "Price", "Alex", "billing", "thank you")
                .contains("\"company\":\"Acme\"", "\"note\":{\"length\":41,", "\"nameMisspelled\":true", "\"personal\":false",
                        "\"noteFindings\":[\"NOTE_NAME_MISSING\",\"NOTE_NAME_MISSPELLED\"]");
        DecisionJson.Logged logged = DecisionJson.read(line);
        assertThat(logged.situation().note()).isNull();
        assertThat(logged.note().length()).isEqualTo(41);
        assertThat(logged.note().nameMisspelled()).isTrue();

        assertThat(Files.readString(full)).contains("\"interviewerName\":\"Jonathan Price\"", "Hi Jonathon", "\"yourName\":\"Alex Kim\"",
                "\"topic\":\"the billing migration\"", "\"misspelledWord\":\"Jonathon\"", "\"personal\":true");
    }
}
