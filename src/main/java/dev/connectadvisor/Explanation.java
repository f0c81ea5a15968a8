package dev.connectadvisor;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the advice has its verdict, and why not another, read from the verdict decision table
 * itself: which condition cells of the deciding row held, and for each row above it (in the
 * situation's phase) which cells did not. Drools itself evaluated each cell, compiled from the
 * same cells as the rules, so the explanation follows any edit of the table.
 *
 * <pre>{@code
 * Explanation why = advisor.explain(Situation.builder().daysUntilInterview(10).hasReferral(true).build());
 * why.lines();   // ["Decided by B6 You have a referral: do not go over their head: ...", "Not the rows above:", ...]
 * }</pre>
 *
 * @param advice the advice being explained
 * @param decidingRule the name of the rule that decided the verdict
 * @param decidingRow the policy row of that rule, e.g. {@code B6}
 * @param policyRow the first row of the table whose every condition cell holds; differs from
 *     {@code decidingRow} only when the rules stray from their own table
 * @param table the verdict table as written, with what held for this situation
 */
public record Explanation(Advice advice, String decidingRule, String decidingRow, String policyRow, Table table) {

    /**
     * The verdict table as the rule author wrote it.
     *
     * @param file the table's file in the rules folder
     * @param columns the column titles, from the rule-name column on
     * @param rows every rule row, in priority order
     */
    public record Table(String file, List<String> columns, List<Row> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of the table, checked against the situation.
     *
     * @param id the policy row, e.g. {@code B9}
     * @param name the rule's name, e.g. {@code B9 More than the window ahead: wait}
     * @param line the row's 1-based line in the table file
     * @param inPhase false when the row's phase cell does not hold: it belongs to the other phase
     * @param matches every condition cell holds
     * @param cells the row's cells, one per column
     */
    public record Row(String id, String name, int line, boolean inPhase, boolean matches, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The condition cells that held, described. */
        public List<String> held() {
            return cells.stream().filter(c -> Boolean.TRUE.equals(c.held())).map(Cell::describe).toList();
        }

        /** The condition cells that did not hold, described. */
        public List<String> notHeld() {
            return cells.stream().filter(c -> Boolean.FALSE.equals(c.held())).map(Cell::describe).toList();
        }
    }

    /**
     * One cell.
     *
     * @param column the column's title
     * @param text the cell as written ("" when blank)
     * @param held for a non-blank condition cell, whether it held; null for any other cell
     * @param values what the situation and the parameters have, where they explain the cell
     *     ({@code daysUntilInterview is 10, connectWindowDays is 3}); "" otherwise
     */
    public record Cell(String column, String text, Boolean held, String values) {
        /** {@code column: cell (values)}. */
        public String describe() {
            return column + ": " + text + (values.isEmpty() ? "" : " (" + values + ")");
        }
    }

    /** The deciding row. */
    public Row deciding() {
        return table.rows().stream().filter(r -> r.id().equals(decidingRow)).findFirst().orElseThrow();
    }

    /** The rows of the situation's phase above the deciding one, in priority order. */
    public List<Row> rowsAbove() {
        List<Row> above = new ArrayList<>();
        for (Row row : table.rows()) {
            if (row.id().equals(decidingRow)) {
                break;
            }
            if (row.inPhase()) {
                above.add(row);
            }
        }
        return above;
    }

    /** For people: the deciding row with the cells that held, then each row above with what did not. */
    public List<String> lines() {
        Row deciding = deciding();
        List<String> lines = new ArrayList<>();
        List<String> held = deciding.held();
        lines.add("Decided by " + deciding.name() + ": " + (held.isEmpty() ? "no other row applies" : String.join("; ", held))
                + " [" + table.file() + " line " + deciding.line() + "]");
        List<Row> above = rowsAbove();
        if (!above.isEmpty()) {
            lines.add("Not the rows above:");
            for (Row row : above) {
                List<String> notHeld = row.notHeld();
                lines.add("  " + row.name() + ": " + (notHeld.isEmpty()
                        ? "every cell holds, yet the rules passed over it" : String.join("; ", notHeld)));
            }
        }
        if (!policyRow.equals(decidingRow)) {
            lines.add("The table picks " + policyRow + ", the rules picked " + decidingRow + ".");
        }
        return lines;
    }
}
