package dev.connectadvisor.internal.scenario;

import java.util.Objects;

/**
 * Something wrong in a scenario table itself (not in the rules): an unknown column, item or
 * code, a duplicate or missing id, a malformed cell.
 *
 * @param file the table's file name, e.g. {@code scenarios/before.csv}
 * @param line the 1-based physical line in the file (the line a row starts on)
 * @param message what is wrong and what is allowed
 */
public record ScenarioProblem(String file, int line, String message) {
    public ScenarioProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
