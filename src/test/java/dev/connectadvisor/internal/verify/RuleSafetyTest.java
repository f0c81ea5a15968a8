package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that would reach outside the decision are refused before they run, each located. */
class RuleSafetyTest {
    private static final String HEAD = """
            package connectadvisor;
            import dev.connectadvisor.Situation;
            """;

    @Test
    void theBuiltInRules_areSafe() {
        assertThat(RuleSafety.check(RuleFolder.read(RulesCopy.RULES))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "System.exit(1);                                          | System.exit              | end the process",
        "java.lang.System . exit(3);                              | java.lang.System.exit    | end the process",
        "Runtime.getRuntime().halt(1);                            | Runtime.getRuntime       | end the process",
        "new ProcessBuilder(\"ls\").start();                      | ProcessBuilder           | run other programs",
        "new Thread(() -> {}).start();                            | Thread                   | start threads",
        "java.util.concurrent.Executors.newSingleThreadExecutor();| java.util.concurrent.Executors.newSingleThreadExecutor | start threads",
        "java.nio.file.Files.writeString(null, \"x\");           | java.nio.file.Files.writeString | do file I/O",
        "new java.io.FileOutputStream(\"/tmp/x\").close();        | java.io.FileOutputStream | do file I/O",
        "new java.net.Socket(\"127.0.0.1\", 80).close();          | java.net.Socket          | do network I/O",
        "Class.forName(\"java.lang.Runtime\");                    | Class.forName            | use reflection",
        "$s.getClass().getDeclaredMethod(\"x\").setAccessible(true); | getDeclaredMethod     | use reflection",
    })
    void aConsequenceThatReachesOutside_isRefused_namingTheFileTheRuleAndTheCall(String code, String call, String what,
            @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.drl"), HEAD + """
                rule "Reaches outside"
                    @item("TIP-1")
                when
                    $s : Situation(daysUntilInterview > 1000)
                then
                    %s
                end
                """.formatted(code), StandardCharsets.UTF_8);

        List<RuleProblem> problems = RuleSafety.check(RuleFolder.read(dir));

        assertThat(problems).as("one finding per forbidden call").isNotEmpty();
        RuleProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("bad.drl");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.message()).contains("rule \"Reaches outside\"").contains("calls " + call)
                .contains("a rule may not " + what);
    }

    @Test
    void commentsStringsAndHarmlessCalls_areNotFindings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fine.drl"), HEAD + """
                rule "Mentions System.exit only in its name"
                    @item("TIP-1")
                when
                    Situation(interviewerName == "Runtime.getRuntime()")
                then
                    // System.exit(1) would end the process
                    /* new Thread() */
                    String s = "java.io.File";
                    long t = System.nanoTime();
                    try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                end
                """, StandardCharsets.UTF_8);

        assertThat(RuleSafety.check(RuleFolder.read(dir))).isEmpty();
    }

    @Test
    void aFunctionAnImportAndACondition_areCheckedToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("more.drl"), """
                package connectadvisor;
                import dev.connectadvisor.Situation;
                import java.io.File;

                function boolean exists(String name) {
                    return new File(name).exists();
                }

                rule "Reads a file in its condition"
                    @item("TIP-1")
                when
                    Situation(eval(Runtime.getRuntime() != null))
                then
                end
                """, StandardCharsets.UTF_8);

        List<String> problems = RuleSafety.check(RuleFolder.read(dir)).stream().map(RuleProblem::toString).toList();

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("more.drl:3:").contains("import java.io.File").contains("file I/O");
        assertThat(problems.get(1)).startsWith("more.drl:6:").contains("function exists calls File");
        assertThat(problems.get(2)).startsWith("more.drl:12:").contains("rule \"Reads a file in its condition\" calls Runtime");
    }

    @Test
    void aDecisionTableRow_isLocatedByItsRow(@TempDir Path parent) {
        // the action template of parameters.drl.csv: every row's consequence ends the process first
        RulesCopy copy = RulesCopy.of(parent).replace("parameters.drl.csv", "\"insert(new Parameters(",
                "\"System.exit(0); insert(new Parameters(");

        List<RuleProblem> problems = RuleSafety.check(RuleFolder.read(copy.dir()));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.drl.csv");
            assertThat(p.inTable()).isTrue();
            assertThat(p.line()).as("the table's row").isPositive();
            assertThat(p.message()).contains("calls System.exit");
        });
    }

    @Test
    void verify_refusesTheFolder_beforeAnyRuleRuns(@TempDir Path parent) throws IOException {
        RulesCopy copy = RulesCopy.of(parent);
        Files.writeString(copy.dir().resolve("exit.drl"), HEAD + """
                rule "Ends the process"
                    @item("TIP-1")
                when
                    Situation()
                then
                    System.exit(1);
                end
                """, StandardCharsets.UTF_8);

        VerifyReport report = Verifier.verify(RuleFolder.read(copy.dir()), Verifier.Options.DEFAULT);

        assertThat(report.outcome()).isEqualTo(VerifyReport.Outcome.RULES_BROKEN);
        assertThat(report.compileProblems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("exit.drl");
            assertThat(p.message()).contains("rule \"Ends the process\" calls System.exit");
        });
    }
}
