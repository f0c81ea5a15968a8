package dev.connectadvisor.internal.policy;

import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.facts.Decision;
import dev.connectadvisor.facts.Parameters;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link Explanation} from one traced evaluation and the policy table. */
public final class Explainer {
    private Explainer() {
    }

    /**
     * @param situation a resolved situation
     * @throws AdviceException if the rules gave no single verdict for it
     */
    public static Explanation explain(Engine engine, Situation situation) {
        Engine.Evaluation evaluation = engine.trace(situation);
        if (evaluation.failure() != null) {
            throw evaluation.failure();
        }
        Decision decision = evaluation.decisions().get(0);
        Parameters parameters = evaluation.first(Parameters.class).orElseThrow(() -> new AdviceException(
                AdviceException.Kind.RULE_FAILED, null, "the rules inserted no Parameters", null));
        PolicyTable policy = PolicyTable.of(parameters);
        PolicyTable.Row deciding = policy.row(decision.row()).orElseThrow(() -> new AdviceException(
                AdviceException.Kind.RULE_FAILED, evaluation.decidingRules().get(0),
                "the deciding rule claims row " + decision.row() + ", which the policy does not have", null));
        List<Explanation.RowCheck> above = new ArrayList<>();
        for (PolicyTable.Row row : policy.rows()) {
            if (row == deciding) {
                break;
            }
            if (row.appliesTo(situation)) {
                List<String> notHeld = row.conditions().stream().filter(c -> !c.holds().test(situation))
                        .map(c -> c.actual().apply(situation)).toList();
                above.add(new Explanation.RowCheck(row.id(), row.title(), List.of(), notHeld));
            }
        }
        List<String> held = deciding.conditions().stream().filter(c -> c.holds().test(situation))
                .map(c -> c.describe(situation)).toList();
        List<String> notHeld = deciding.conditions().stream().filter(c -> !c.holds().test(situation))
                .map(c -> c.actual().apply(situation)).toList();
        return new Explanation(evaluation.advice(), evaluation.decidingRules().get(0),
                new Explanation.RowCheck(deciding.id(), deciding.title(), held, notHeld), above,
                policy.firstMatch(situation).id());
    }
}
