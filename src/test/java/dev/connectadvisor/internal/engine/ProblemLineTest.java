package dev.connectadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rule's problem points at the faulty line, not at the line the rule starts on. */
class ProblemLineTest {
    @TempDir
    Path tmp;

    private RulesCompilationException compile(String drl) throws IOException {
        RulesCopy copy = RulesCopy.of(tmp);
        Files.writeString(copy.dir().resolve("broken.drl"), drl);
        return catchThrowableOfType(RulesCompilationException.class, () -> ConnectAdvisor.fromDirectory(copy.dir()));
    }

    private static RuleProblem only(RulesCompilationException e) {
        assertThat(e).isNotNull();
        return e.problems().stream().filter(p -> p.file().equals("broken.drl")).findFirst().orElseThrow();
    }

    @Test
    void anUnknownFieldInAPattern_pointsAtItsLine() throws IOException {
        RulesCompilationException e = compile("""
                package connectadvisor

                rule "broken on line 7"
                when
                    $s : dev.connectadvisor.Situation(
                        daysUntilInterview > 3,
                        noSuchField == true)
                then
                end
                """);
        assertThat(only(e).line()).isEqualTo(7);
        assertThat(only(e).column()).as("where noSuchField starts").isEqualTo(9);
    }

    @Test
    void anUndefinedNameInAConsequence_pointsAtItsLine() throws IOException {
        RulesCompilationException e = compile("""
                package connectadvisor

                rule "broken on line 7"
                when
                    dev.connectadvisor.Situation()
                then
                    undefinedCall(42);
                end
                """);
        assertThat(only(e).line()).isEqualTo(7);
        assertThat(only(e).column()).isEqualTo(5);
    }

    @Test
    void aSyntaxError_pointsAtItsLine() throws IOException {
        RulesCompilationException e = compile("""
                package connectadvisor

                rule "broken on line 7"
                when
                    dev.connectadvisor.Situation(
                        daysUntilInterview > 3
                        && && )
                then
                end
                """);
        assertThat(only(e).line()).isEqualTo(7);
        assertThat(only(e).column()).as("the second &&").isEqualTo(12);
    }

    /** Where the message names nothing to look for, the problem stays at the rule's first line (docs/java.md says so). */
    @Test
    void aTypeMismatchInAConsequence_staysAtTheRulesLine() throws IOException {
        RulesCompilationException e = compile("""
                package connectadvisor

                rule "broken on line 7"
                when
                    dev.connectadvisor.Situation()
                then
                    int x = "seven";
                end
                """);
        assertThat(only(e).line()).isEqualTo(3);
        assertThat(only(e).message()).contains("Type mismatch");
    }
}
