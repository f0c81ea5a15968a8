package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code verify --mutations} keeps a rule from firing instead of recompiling without it: that is
 * the same as deleting it. Checked here against rules really removed from a compiled rule base
 * ({@code KieBase.removeRule}), on every scenario row, for a DRL rule and for a first-hit table row
 * (whose activation group must then let the rows below it decide).
 */
class MutationsTest {
    private static final String PACKAGE = "connectadvisor";
    private static RuleFolder folder;
    private static Engine engine;
    private static List<ScenarioRow> rows;

    @BeforeAll
    static void compile() {
        folder = RuleFolder.read(RulesCopy.RULES);
        engine = Engine.compile(folder);
        rows = ScenarioSuite.read(folder).rows();
    }

    @Test
    void aDrlRuleKeptFromFiring_answersAsTheRulesWithoutIt() {
        assertSameAsRemoved("B9 More than a week ahead: they may forget you");
    }

    @Test
    void aTableRowKeptFromFiring_answersAsTheTableWithoutIt() {
        assertSameAsRemoved("B6 You have a referral: do not go over their head");
    }

    private static void assertSameAsRemoved(String rule) {
        Engine removed = Engine.compile(folder);
        removed.kieBase().removeRule(PACKAGE, rule);
        assertThat(removed.kieBase().getRule(PACKAGE, rule)).isNull();
        Engine filtered = engine.without(rule);
        int differing = 0;
        for (ScenarioRow row : rows) {
            String expected = answer(removed, row);
            assertThat(answer(filtered, row)).as(row.where() + " " + row.id()).isEqualTo(expected);
            if (!expected.equals(answer(engine, row))) {
                differing++;
            }
        }
        // the comparison means something only if taking the rule out changes some answers
        assertThat(differing).as("rows that " + rule + " changes").isPositive();
    }

    /** Everything an answer says but the version (a hash of the sources) and the order of ties among fired rules. */
    private static String answer(Engine engine, ScenarioRow row) {
        try {
            Advice a = engine.evaluate(row.situation().resolve(java.time.LocalDate.of(2026, 1, 1)));
            return a.verdict() + " " + a.actInDays() + " " + a.reasons() + a.steps() + a.benefits() + a.risks()
                    + a.alternatives() + a.noteFindings() + " " + a.draftNote() + " " + a.summary() + " "
                    + new HashSet<>(a.firedRules());
        } catch (InvalidSituationException | AdviceException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
