package dev.connectadvisor;

/**
 * A situation that cannot be advised on: the input is rejected, never guessed at.
 *
 * <p>{@link #code()} is stable; {@link #field()} names the offending field (null only
 * for {@link ErrorCode#MALFORMED_JSON} without a duplicate key); the message says what
 * was wrong and what is allowed, in one sentence.
 */
public final class InvalidSituationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public InvalidSituationException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /**
     * No stack trace: the exception reports bad input, not a defect, and a batch with many bad
     * lines should not pay for one trace each.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    /** The field at fault, or null where the contract gives none. */
    public String field() {
        return field;
    }
}
