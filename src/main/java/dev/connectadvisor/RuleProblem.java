package dev.connectadvisor;

/**
 * One problem in the rule sources, located for the rule author: by line and column in a DRL
 * file, or by row and column (spreadsheet style: 1-based row, column A, B, ...) in a decision
 * table.
 *
 * @param file the file, relative to the rules folder (e.g. {@code risks.drl})
 * @param line the 1-based line (a table's row), or 0 where unknown
 * @param column the 1-based column, or 0 where unknown
 * @param message what is wrong
 * @param inTable true when {@code line} and {@code column} are a decision table's row and column
 */
public record RuleProblem(String file, int line, int column, String message, boolean inTable) {

    /** A problem in a DRL file (or elsewhere outside a decision table's cells). */
    public RuleProblem(String file, int line, int column, String message) {
        this(file, line, column, message, false);
    }

    /** A problem in a decision table's cell; {@code column} 1 is column A. */
    public static RuleProblem inTable(String file, int row, int column, String message) {
        return new RuleProblem(file, row, column, message, true);
    }

    /** The spreadsheet name of a 1-based column: 1 = A, 27 = AA. */
    public static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            b.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return b.toString();
    }

    /**
     * {@code file:line:column: message} for DRL, {@code file: row R, column C: message} for a
     * decision table, leaving out what is unknown.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (inTable) {
            if (line > 0) {
                b.append(": row ").append(line);
                if (column > 0) {
                    b.append(", column ").append(columnName(column));
                }
            }
        } else if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(message).toString();
    }
}
