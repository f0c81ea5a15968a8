package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.connectadvisor.internal.cli.ExitCode;
import dev.connectadvisor.internal.cli.Main;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.verify.Verifier;
import dev.connectadvisor.internal.verify.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Termination and faults (issue 6, item 5): rules that loop, a consequence stuck in Java code and
 * a consequence that throws each give a typed {@link AdviceException} naming the rule, in bounded
 * time, and the advisor answers the next call.
 */
class FaultToleranceTest {
    private static final Situation NORMAL = Situation.builder().daysUntilInterview(2).build();

    @TempDir
    Path temp;

    @AfterEach
    void releaseSpinners() {
        FaultSwitch.release();
    }

    @Test
    void rulesThatRetriggerEachOther_stopAtTheFiringLimit_withATypedError() {
        ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(TestRules.withFault(temp, "looping"));

        AdviceException error = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
                AdviceException.class, () -> advisor.advise(named("Loop Forever"))));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(AdviceException.Kind.TOO_MANY_FIRINGS);
        assertThat(error.rule()).startsWith("Fault: ");
        assertThat(error.getMessage()).contains(String.valueOf(Engine.MAX_FIRINGS));
        assertThat(advisor.advise(NORMAL).verdict()).isEqualTo(Verdict.CONNECT);
        // every live session is an idle pooled one: the failed evaluation's session was disposed
        assertThat(advisor.engine().kieBase().getKieSessions()).hasSize(advisor.engine().pooledSessions());
    }

    @Test
    void aConsequenceThatThrows_givesRuleFailed_namingTheRule() {
        ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(TestRules.withFault(temp, "throwing"));

        AdviceException error = catchThrowableOfType(AdviceException.class, () -> advisor.advise(named("Throw Now")));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(AdviceException.Kind.RULE_FAILED);
        assertThat(error.rule()).isEqualTo("Fault: a consequence that throws");
        assertThat(error.getMessage()).contains("Fault: a consequence that throws").contains("a bug in a consequence");
        assertThat(advisor.advise(NORMAL).verdict()).isEqualTo(Verdict.CONNECT);
        // every live session is an idle pooled one: the failed evaluation's session was disposed
        assertThat(advisor.engine().kieBase().getKieSessions()).hasSize(advisor.engine().pooledSessions());
    }

    @Test
    void aConsequenceStuckInJava_timesOutNamingTheRule_andOtherCallsAreStillAnswered() throws Exception {
        FaultSwitch.arm();
        ConnectAdvisor plain = ConnectAdvisor.fromDirectory(TestRules.withFault(temp, "spinning"));
        ConnectAdvisor bounded = plain.withTimeout(Duration.ofSeconds(1));
        int stuckCalls = 3;

        for (int i = 0; i < stuckCalls; i++) {
            long start = System.nanoTime();
            AdviceException error = catchThrowableOfType(AdviceException.class, () -> bounded.advise(named("Spin Forever")));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(error).isNotNull();
            assertThat(error.kind()).isEqualTo(AdviceException.Kind.TIMEOUT);
            assertThat(error.rule()).isEqualTo("Fault: a consequence that never returns");
            assertThat(millis).as("time to the TIMEOUT").isLessThan(10_000);
            for (int j = 0; j < 20; j++) {
                assertThat(bounded.advise(NORMAL).verdict()).isEqualTo(Verdict.CONNECT);
            }
        }
        assertThat(FaultSwitch.spinning()).as("consequences still spinning").isEqualTo(stuckCalls);
        assertThat(plain.advise(NORMAL).verdict()).isEqualTo(Verdict.CONNECT);

        FaultSwitch.release();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FaultSwitch.spinning() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(FaultSwitch.spinning()).isZero();
        assertThat(bounded.advise(NORMAL).verdict()).isEqualTo(Verdict.CONNECT);
    }

    @Test
    void theCli_answersEveryOtherLine_whenOneLineIsStuck() {
        FaultSwitch.arm();
        Path rules = TestRules.withFault(temp, "spinning");
        String input = "{\"daysUntilInterview\":2}\n{\"daysUntilInterview\":2,\"interviewerName\":\"Spin Forever\"}\n"
                + "{\"daysUntilInterview\":-4}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"advise", "--jsonl", "--rules", rules.toString(), "--timeout", "2"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exit).isEqualTo(ExitCode.INTERNAL_ERROR.code());
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"verdict\":\"CONNECT\"");
        assertThat(lines[1]).startsWith("{\"error\":{\"code\":\"INTERNAL_ERROR\"").contains("Fault: a consequence that never returns")
                .contains("\"line\":2");
        assertThat(lines[2]).startsWith("{\"verdict\":\"CONNECT\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void verifyExhaustive_reportsAStuckConsequence_atItsWalkLimit_insteadOfHanging() throws Exception {
        FaultSwitch.arm();
        Path rules = TestRules.withFault(temp, "spinning");
        Path fault = rules.resolve("zz-fault.drl");
        // the same spinning consequence, for a situation that only the exhaustive walk reaches (no
        // scenario row has it), in the walk's first chunk: reached at once, even on a busy machine
        Files.writeString(fault, Files.readString(fault).replace("Situation(interviewerName == \"Spin Forever\")",
                "Situation(daysUntilInterview == -30, hasReferral, existingRelationship, !toldNotToConnect)"));

        // the consequence spins until released (or 30 s), so the walk cannot end before its 10 s limit
        VerifyReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Verifier.verify(
                RuleFolder.read(rules), new Verifier.Options(true, null, Duration.ofSeconds(10))));

        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.FAILED);
        assertThat(report.exhaustiveFindings()).anySatisfy(f -> assertThat(f).startsWith("STUCK:").contains("10 s"));
        assertThat(FaultSwitch.spinning()).as("the stuck consequence was reached").isPositive();
    }

    private static Situation named(String name) {
        return Situation.builder().daysUntilInterview(2).interviewerName(name).build();
    }
}
