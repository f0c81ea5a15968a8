package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.ErrorCode;
import java.util.Objects;

/**
 * A row's {@code error} cell: the situation must be rejected with this code and field.
 *
 * @param code the expected error code
 * @param field the expected field, e.g. {@code applicationRejected}
 */
public record ExpectedError(ErrorCode code, String field) implements Expectation {
    public ExpectedError {
        Objects.requireNonNull(code, "code");
    }

    /** As written in the cell: {@code CODE field}. */
    @Override
    public String toString() {
        return field == null ? code.name() : code + " " + field;
    }
}
