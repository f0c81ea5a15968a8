package dev.connectadvisor;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the advice has its verdict, and why not another: for each policy row above the one that
 * decided (in the situation's phase), the conditions that did not hold, and for the deciding row
 * the conditions that held. The conditions come from the policy table (DECISION-POLICY.md),
 * evaluated on its own; the deciding row is the one the rules chose.
 *
 * <pre>{@code
 * Explanation why = advisor.explain(Situation.builder().daysUntilInterview(10).hasReferral(true).build());
 * why.lines();   // ["Decided by B6 referral: hasReferral is true", "Not the rows above:", "  B1 not your interviewer: directInterviewer is true", ...]
 * }</pre>
 *
 * @param advice the advice being explained
 * @param decidingRule the name of the rule that decided the verdict
 * @param deciding the deciding row and the conditions that held
 * @param rowsAbove the rows of the same phase above it, each with the conditions that did not hold
 * @param policyRow the row that the policy table itself picks; differs from {@code deciding.row()}
 *     only when the rules stray from the policy
 */
public record Explanation(Advice advice, String decidingRule, RowCheck deciding, List<RowCheck> rowsAbove,
        String policyRow) {

    public Explanation {
        rowsAbove = List.copyOf(rowsAbove);
    }

    /**
     * One policy row, checked against the situation.
     *
     * @param row e.g. {@code B6}
     * @param title e.g. {@code referral}
     * @param held the conditions that held, with the values behind them
     * @param notHeld the conditions that did not hold, as the situation has them (e.g. {@code hasReferral is false})
     */
    public record RowCheck(String row, String title, List<String> held, List<String> notHeld) {
        public RowCheck {
            held = List.copyOf(held);
            notHeld = List.copyOf(notHeld);
        }
    }

    /** For people: the deciding row, then each row above with what did not hold. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Decided by " + deciding.row() + " " + deciding.title() + ": "
                + (deciding.held().isEmpty() ? "no other row applies" : String.join("; ", deciding.held()))
                + " [rule \"" + decidingRule + "\"]");
        if (!rowsAbove.isEmpty()) {
            lines.add("Not the rows above:");
            for (RowCheck check : rowsAbove) {
                lines.add("  " + check.row() + " " + check.title() + ": " + (check.notHeld().isEmpty()
                        ? "every condition holds, yet the rules passed over it" : String.join("; ", check.notHeld())));
            }
        }
        if (!policyRow.equals(deciding.row())) {
            lines.add("The policy table picks " + policyRow + ", the rules picked " + deciding.row() + ".");
        }
        return lines;
    }
}
