package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Note;
import dev.connectadvisor.internal.decisionlog.DecisionLog;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --replay LOG}: a rule change measured over the situations a decision log recorded. */
class ReplayTest {
    /** Days -20..20, every third with a note and a name (left out of the log: no personal data). */
    private static final int SITUATIONS = 41;

    @TempDir
    Path tmp;
    private Path log;

    private record Run(int exit, List<String> out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void logADayOfDecisions() throws IOException {
        log = tmp.resolve("decisions.jsonl");
        DecisionLog decisions = new DecisionLog(log, DecisionLog.DEFAULT_MAX_BYTES, 2, false);
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath().withDecisionListener(decisions);
        for (int i = 0; i < SITUATIONS; i++) {
            Situation.Builder b = Situation.builder().daysUntilInterview(i - 20);
            if (i % 3 == 0) {
                b.interviewerName("Sarah Lee").note("Hi Sarah, I look forward to our interview. " + "x".repeat(10 * i));
            }
            advisor.advise(b.build());
        }
        decisions.close();
        assertThat(Files.readString(log)).doesNotContain("Sarah");
    }

    @Test
    void theRulesThatAnswered_changeNothing() {
        Run run = run("verify", "--replay", log.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).first().isEqualTo("replay of " + log + ": " + SITUATIONS + " situations compared, 0 changed");
        assertThat(run.out()).last().asString().contains("with the answers the log recorded");
    }

    @Test
    void aCandidate_showsWhatItChanges_againstTheLogAndAgainstABaseline() {
        RulesCopy candidate = RulesCopy.of(tmp.resolve("candidate")).tooEarlyAfterEightDays();

        Run recorded = run("verify", "--rules", candidate.dir().toString(), "--replay", log.toString());
        Run baseline = run("verify", "--rules", candidate.dir().toString(), "--replay", log.toString(), "--baseline",
                RulesCopy.RULES.toString());

        for (Run run : List.of(recorded, baseline)) {
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().get(0)).isEqualTo("replay of " + log + ": " + SITUATIONS + " situations compared, 1 changed");
            assertThat(run.out().get(1)).isEqualTo("  WAIT: reasons -CON-8: 1 situation, e.g. {daysUntilInterview: 8}:"
                    + " B9 WAIT in 5 [TIP-1, CON-8] -> B9 WAIT in 5 [TIP-1]");
        }
        assertThat(baseline.out()).last().asString().contains("with the rules ").endsWith("(rules)");
    }

    @Test
    void aLineThatIsNotADecision_exits2_namingTheLine() throws IOException {
        Files.writeString(log, "{\"daysUntilInterview\": 3}\n", StandardOpenOption.APPEND);

        Run run = run("verify", "--replay", log.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(log + " line " + (SITUATIONS + 1) + ": not a decision of a decision log")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingLog_exits2_andABrokenCandidate_exits3() {
        Run missing = run("verify", "--replay", tmp.resolve("nope.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("nope.jsonl");

        RulesCopy broken = RulesCopy.of(tmp.resolve("broken")).replace("risks.drl",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED)",
                "Situation(daysUntilInterview >= 0, priorRequest == PriorRequest.DECLINED");
        Run run = run("verify", "--rules", broken.dir().toString(), "--replay", log.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("risks.drl").contains("do not compile");
    }

    @Test
    void withoutTheNoteText_theRulesSeeWhatTheLogRecordedOfTheNote() {
        // a logged line without personal data: no note text, its length and readings recorded
        Note recorded = new Note(420, false, true, false, false, true, false, null, null);
        Situation withoutText = Situation.builder().daysUntilInterview(2).build();

        List<NoteCode> codes = new ArrayList<>();
        for (NoteFinding f : Engine.builtIn().trace(withoutText, recorded).advice().noteFindings()) {
            codes.add(f.code());
        }

        assertThat(codes).containsExactly(NoteCode.NOTE_TOO_LONG);
        assertThat(Engine.builtIn().trace(withoutText).advice().noteFindings()).isEmpty();
    }
}
