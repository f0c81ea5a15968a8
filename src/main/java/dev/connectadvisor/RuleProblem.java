package dev.connectadvisor;

/**
 * One problem in the rule sources, located for the rule author.
 *
 * @param file the file, relative to the rules folder (e.g. {@code verdict-before.drl})
 * @param line the 1-based line, or 0 where unknown
 * @param column the 1-based column, or 0 where unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {
    /** {@code file:line:column: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(message).toString();
    }
}
