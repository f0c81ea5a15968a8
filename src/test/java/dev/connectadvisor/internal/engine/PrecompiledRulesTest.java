package dev.connectadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in rules precompiled at build time (the jar's path) and the same rules compiled from
 * the folder at run time ({@code --rules rules}) give the same advice for every scenario row;
 * docs/policy.md allows only ties in firedRules to come in another order.
 */
class PrecompiledRulesTest {
    private static final ConnectAdvisor PRECOMPILED = ConnectAdvisor.fromClasspath().withCache(false);
    private static final ConnectAdvisor RUNTIME = ConnectAdvisor.fromDirectory(Path.of("rules")).withCache(false);
    private static final ScenarioSuite SUITE = ScenarioSuite.read(RuleFolder.builtIn());

    static Stream<Arguments> rows() {
        return SUITE.rows().stream().map(row -> Arguments.of(row.name(), row));
    }

    @Test
    void theBuiltInRules_comeFromThePrecompiledModel_withTheSourcesVersion() {
        assertThat(Precompiled.available()).as("the build precompiled the rules").isTrue();
        assertThat(PRECOMPILED.rulesVersion()).isEqualTo(RUNTIME.rulesVersion())
                .isEqualTo(RuleFolder.builtIn().version()).isEqualTo(RuleFolder.builtInVersion());
    }

    /**
     * Start-up reads the verdict table and the texts from the companion's executable model and
     * builds the companion's KieBase only for explanations: both readings give the same model,
     * and the same as the companion compiled at run time.
     */
    @Test
    void thePolicyModel_readFromTheModel_isTheOneOfTheBuiltCompanion() {
        RuleBase loaded = Precompiled.load();
        assertThat(loaded.policy()).isEqualTo(dev.connectadvisor.internal.policy.PolicyModel.of(loaded.companion().get()))
                .isEqualTo(RuleCompiler.compile(RuleFolder.builtIn()).policy());
        assertThat(loaded.policy().texts()).isNotEmpty();
        assertThat(loaded.policy().rows()).isNotEmpty();
    }

    @Test
    void theExecutableModel_keepsEveryRule_withItsMetadata() {
        assertThat(PRECOMPILED.rules()).isEqualTo(RUNTIME.rules());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void bothPaths_giveTheSameAdvice(String name, ScenarioRow row) {
        Situation situation;
        try {
            situation = row.situation();
        } catch (InvalidSituationException rejectedBeforeTheRules) {
            return;
        }
        Outcome precompiled = Outcome.of(PRECOMPILED, situation);
        Outcome runtime = Outcome.of(RUNTIME, situation);

        assertThat(precompiled).isEqualTo(runtime);
    }

    /**
     * Sessions are reset and reused: a reused session must answer as a new one does, whatever
     * came before it (a reset once left a first-hit table's activation group behind, and two
     * verdict rows fired). Every row, forwards then backwards, on one engine, against a new engine
     * (so a new session) for each row.
     */
    @Test
    void aReusedSession_answersAsANewOne_whateverCameBefore() {
        Engine reused = Engine.builtIn();
        List<Situation> situations = new ArrayList<>();
        for (ScenarioRow row : SUITE.rows()) {
            try {
                situations.add(row.situation().resolve(java.time.LocalDate.of(2026, 11, 25)));
            } catch (InvalidSituationException rejected) {
                // not advice: nothing to compare
            }
        }
        List<Situation> twice = new ArrayList<>(situations);
        java.util.Collections.reverse(situations);
        twice.addAll(situations);

        for (Situation situation : twice) {
            String fresh = String.valueOf(Engine.builtIn().trace(situation).advice());
            String again = String.valueOf(reused.trace(situation).advice());

            assertThat(again).as(situation.toString()).isEqualTo(fresh);
        }
    }

    /** The advice with firedRules as a sorted list, or the error's code and field. */
    private record Outcome(Advice advice, List<String> firedRules, String error) {
        static Outcome of(ConnectAdvisor advisor, Situation situation) {
            try {
                Advice advice = advisor.advise(situation);
                List<String> fired = new ArrayList<>(advice.firedRules());
                fired.sort(null);
                Advice withoutOrder = new Advice(advice.verdict(), advice.actInDays(), advice.actOn(), advice.phase(),
                        advice.summary(), advice.reasons(), advice.steps(), advice.benefits(), advice.risks(),
                        advice.alternatives(), advice.noteFindings(), advice.draftNote(), List.of(), advice.rulesVersion());
                return new Outcome(withoutOrder, fired, null);
            } catch (InvalidSituationException e) {
                return new Outcome(null, List.of(), e.code() + " " + e.field());
            }
        }
    }
}
