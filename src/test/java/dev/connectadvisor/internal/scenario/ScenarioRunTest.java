package dev.connectadvisor.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a tiny table in a temporary rules folder; expected values from docs/policy.md. */
class ScenarioRunTest {
    private static final Clock MARCH_2 = Clock.fixed(LocalDate.of(2026, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath().withClock(MARCH_2);

    private static final String TINY = String.join("\n",
            "id,description,daysUntilInterview,interviewDate,today,applicationRejected,followUpsSent,"
                    + "verdict,actInDays,actOn,reasons,risks,error",
            "# B9 and B10 with the default facts",
            "B9-10d,10 days ahead: wait 7,10,,,,,WAIT,7,,TIP-1 CON-8,CON-1 CON-8 !CON-7,",
            "B10-wrong,a deliberately wrong row,2,,,,,WAIT,1,,CON-8,!CON-1,",
            "B9-dated,by date,,2026-03-12,2026-03-02,,,WAIT,7,2026-03-09,TIP-1,,",
            "E-rejected-before,,3,,,true,,,,,,,CONFLICT applicationRejected",
            "E-wrong-field,,3,,,true,,,,,,,CONFLICT followUpsSent",
            "E-far-by-clock,resolved against the clock,,2027-06-01,,,,,,,,,INVALID_VALUE interviewDate",
            "E-expects-error-gets-advice,,5,,,,,,,,,,INVALID_VALUE daysUntilInterview",
            "B9-expects-advice-gets-error,,400,,,,,WAIT,397,,TIP-1,,",
            "");

    private static ScenarioRun run;
    private static Map<String, ScenarioResult> byId;

    @BeforeAll
    static void runTheTinyTable(@TempDir Path rules) throws IOException {
        Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/tiny.csv"), TINY);

        run = ScenarioRun.of(RuleFolder.read(rules), ADVISOR::advise);
        byId = run.results().stream().collect(Collectors.toMap(r -> r.row().id(), Function.identity()));
    }

    @Test
    void rowsThatMeetThePolicy_pass() {
        assertThat(run.problems()).isEmpty();
        assertThat(byId.get("B9-10d").passed()).isTrue();
        assertThat(byId.get("B9-dated").passed()).as(byId.get("B9-dated").report()).isTrue();
        assertThat(byId.get("E-rejected-before").passed()).isTrue();
        assertThat(byId.get("E-rejected-before").error().code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aFailingRow_readsLikeTheTable_withEveryMismatchAndTheFiredRules() {
        ScenarioResult result = byId.get("B10-wrong");

        assertThat(result.passed()).isFalse();
        assertThat(result.advice().verdict()).isEqualTo(Verdict.CONNECT);
        assertThat(result.mismatches()).containsExactly(
                "expected verdict WAIT, got CONNECT",
                "expected actInDays 1, got 0",
                "expected decisive reason CON-8, got TIP-1",
                "expected reasons to contain CON-8, got [TIP-1]",
                "expected risks not to contain CON-1, got [CON-1, CON-2, CON-3, CON-4, CON-6]");
        assertThat(result.report())
                .startsWith("scenarios/tiny.csv:4 B10-wrong: expected verdict WAIT, got CONNECT; expected actInDays 1,")
                .contains("; fired: [")
                .contains("B10 Within the window: connect now");
    }

    @Test
    void errorRows_compareCodeAndField_includingRejectionsByTheAdvisorsClock() {
        assertThat(byId.get("E-far-by-clock").passed()).as(byId.get("E-far-by-clock").report()).isTrue();
        assertThat(byId.get("E-wrong-field").mismatches()).singleElement().asString()
                .startsWith("expected error CONFLICT followUpsSent, got error CONFLICT applicationRejected (");
        assertThat(byId.get("E-expects-error-gets-advice").mismatches())
                .containsExactly("expected error INVALID_VALUE daysUntilInterview, got verdict WAIT");
        assertThat(byId.get("B9-expects-advice-gets-error").mismatches()).singleElement().asString()
                .startsWith("expected verdict WAIT, got error INVALID_VALUE daysUntilInterview (");
    }

    @Test
    void theRun_collectsFiredRules_andSummarises() {
        assertThat(run.firedRules()).contains("B9 More than the window ahead: wait", "B10 Within the window: connect now")
                .noneMatch(name -> name.matches("A[0-9] .*"));
        assertThat(run.passed()).isFalse();
        assertThat(run.failures()).extracting(r -> r.row().id()).containsExactly(
                "B10-wrong", "E-wrong-field", "E-expects-error-gets-advice", "B9-expects-advice-gets-error");
        assertThat(run.report()).last().isEqualTo("8 rows: 4 passed, 4 failed; 0 table problems");
    }
}
