package dev.connectadvisor.internal.policy;

import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Decision;
import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.situation.SituationFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds an {@link Explanation} from one traced evaluation and the verdict table's diagnostics. */
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
        PolicyModel model = engine.policy();
        if (model.row(decision.row()).isEmpty()) {
            throw new AdviceException(AdviceException.Kind.RULE_FAILED, evaluation.decidingRules().get(0),
                    "the deciding rule claims row " + decision.row() + ", which the verdict table does not have", null);
        }
        Set<Held> held = engine.diagnose(Engine.dayless(situation), parameters);
        Explanation.Table table = table(model, held, situation, parameters);
        String policyRow = table.rows().stream().filter(Explanation.Row::matches).map(Explanation.Row::id).findFirst()
                .orElse("");
        return new Explanation(evaluation.advice(), evaluation.decidingRules().get(0), decision.row(), policyRow, table);
    }

    /** The table as written, each condition cell marked held or not for the situation. */
    static Explanation.Table table(PolicyModel model, Set<Held> held, Situation situation, Parameters parameters) {
        List<PolicyModel.Column> columns = model.columns();
        List<Explanation.Row> rows = new ArrayList<>();
        for (PolicyModel.Row row : model.rows()) {
            List<Explanation.Cell> cells = new ArrayList<>();
            for (PolicyModel.Column column : columns) {
                String text = row.cell(column.column());
                Boolean holds = column.isCondition() && !text.isEmpty()
                        ? held.contains(new Held(row.rank(), column.column())) : null;
                String values = holds == null ? "" : values(row.shows().getOrDefault(column.column(), List.of()),
                        situation, parameters);
                cells.add(new Explanation.Cell(column.title(), text, holds, values));
            }
            boolean inPhase = model.phaseColumn() == 0 || row.cell(model.phaseColumn()).isEmpty()
                    || held.contains(new Held(row.rank(), model.phaseColumn()));
            rows.add(new Explanation.Row(row.id(), row.name(), row.line(), inPhase, held.contains(new Held(row.rank(), 0)),
                    cells));
        }
        return new Explanation.Table(model.file(), columns.stream().map(PolicyModel.Column::title).toList(), rows);
    }

    /** {@code daysUntilInterview is 10, connectWindowDays is 3}. */
    private static String values(List<String> fields, Situation situation, Parameters parameters) {
        List<String> said = new ArrayList<>();
        for (String name : fields) {
            Object value = SituationFields.byName(name).map(f -> f.get(situation)).orElseGet(() -> parameter(parameters, name));
            said.add(name + " is " + value);
        }
        return String.join(", ", said);
    }

    private static Object parameter(Parameters parameters, String name) {
        try {
            return Parameters.class.getMethod(name).invoke(parameters);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }
}
