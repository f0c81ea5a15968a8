package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.scenario.ScenarioResult;
import dev.connectadvisor.internal.scenario.ScenarioRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules' metadata ({@code @item}, {@code @row}) against the guide and the policy, and the
 * scenario tables against the rules: every rule fires somewhere, and every entry of every
 * advice traces back to an item of the rule that gave it.
 */
class RuleMetadataTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();
    private static final List<RuleInfo> RULES = ADVISOR.rules();
    private static final Map<String, RuleInfo> BY_NAME =
            RULES.stream().collect(Collectors.toMap(RuleInfo::name, Function.identity()));
    private static final ScenarioRun SCENARIOS = ScenarioRun.of(RuleFolder.builtIn(), ADVISOR::advise);

    /** The rows of docs/policy.md, "Priority". */
    private static final List<String> POLICY_ROWS = Stream.concat(
            IntStream.rangeClosed(1, 10).mapToObj(i -> "B" + i),
            IntStream.rangeClosed(1, 9).mapToObj(i -> "A" + i)).toList();

    @Test
    void everyRule_citesAtLeastOneItem() {
        assertThat(RULES).isNotEmpty();
        assertThat(RULES).filteredOn(rule -> rule.items().isEmpty()).extracting(RuleInfo::name).isEmpty();
    }

    @Test
    void everyCitedItem_isInTheGuide() {
        List<String> unknown = RULES.stream()
                .flatMap(rule -> rule.items().stream()
                        .filter(item -> GuideItem.byId(item).isEmpty())
                        .map(item -> rule.name() + ": " + item))
                .toList();

        assertThat(unknown).isEmpty();
    }

    @Test
    void noTwoRules_claimTheSameRow() {
        Map<String, List<String>> rulesByRow = RULES.stream().filter(rule -> rule.row() != null)
                .collect(Collectors.groupingBy(RuleInfo::row, Collectors.mapping(RuleInfo::name, Collectors.toList())));

        assertThat(rulesByRow).allSatisfy((row, names) -> assertThat(names).as("rules claiming " + row).hasSize(1));
    }

    @Test
    void everyPolicyRow_isClaimedByExactlyOneRule_andNoRuleClaimsAnotherRow() {
        List<String> claimed = RULES.stream().map(RuleInfo::row).filter(Objects::nonNull).toList();

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(POLICY_ROWS);
    }

    @Test
    void everyRule_firesInAtLeastOneScenarioRow() {
        List<String> neverFired = RULES.stream().map(RuleInfo::name)
                .filter(name -> !SCENARIOS.firedRules().contains(name)).toList();

        assertThat(SCENARIOS.results()).isNotEmpty();
        assertThat(neverFired).as("rules that no scenario row fires").isEmpty();
    }

    @Test
    void everyEntryOfEveryScenarioAdvice_citesAnItemOfTheRuleThatGaveIt() {
        List<Advice> advices = SCENARIOS.results().stream().map(ScenarioResult::advice).filter(Objects::nonNull).toList();
        List<String> untraced = new ArrayList<>();
        for (Advice advice : advices) {
            Stream.of(advice.reasons(), advice.steps(), advice.benefits(), advice.risks(), advice.alternatives())
                    .flatMap(List::stream)
                    .filter(entry -> !cites(entry.rule(), entry.item()))
                    .forEach(entry -> untraced.add(entry.rule() + " gave " + entry.item()));
            advice.noteFindings().stream()
                    .filter(finding -> !cites(finding.rule(), finding.item()))
                    .forEach(finding -> untraced.add(finding.rule() + " gave " + finding.item()));
        }

        assertThat(advices).isNotEmpty();
        assertThat(untraced).as("entries whose item the rule does not cite").isEmpty();
    }

    @Test
    void everyGuideItem_isReachable_fromSomeScenarioRow() {
        Set<String> given = new HashSet<>();
        for (ScenarioResult result : SCENARIOS.results()) {
            Advice advice = result.advice();
            if (advice != null) {
                Stream.of(advice.reasons(), advice.steps(), advice.benefits(), advice.risks(), advice.alternatives())
                        .flatMap(List::stream).forEach(entry -> given.add(entry.item()));
                advice.noteFindings().forEach(finding -> given.add(finding.item()));
            }
        }

        assertThat(Stream.of(GuideItem.values()).map(GuideItem::id).filter(id -> !given.contains(id)))
                .as("guide items that no scenario's advice cites").isEmpty();
    }

    private static boolean cites(String rule, String item) {
        RuleInfo info = BY_NAME.get(rule);
        return info != null && info.items().contains(item);
    }
}
