package dev.connectadvisor.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of every built-in scenario table (rules/scenarios/*.csv) is a named test. */
class ScenarioTablesTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();
    private static final ScenarioSuite BUILT_IN = ScenarioSuite.read(RuleFolder.builtIn());

    static Stream<Arguments> rows() {
        return BUILT_IN.rows().stream().map(row -> Arguments.of(row.name(), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row(String name, ScenarioRow row) {
        ScenarioResult result = row.run(ADVISOR::advise);

        assertThat(result.mismatches()).withFailMessage(result::report).isEmpty();
    }

    @Test
    void builtInTables_haveNoProblems() {
        assertThat(BUILT_IN.problems()).extracting(ScenarioProblem::toString).isEmpty();
    }

    @Test
    void builtInTables_haveAtLeast60Rows() {
        assertThat(BUILT_IN.rows()).hasSizeGreaterThanOrEqualTo(60);
    }
}
