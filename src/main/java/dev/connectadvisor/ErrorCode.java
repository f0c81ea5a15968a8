package dev.connectadvisor;

/** The stable error codes of docs/contract.md. Tests assert these, never the wording. */
public enum ErrorCode {
    /** Not JSON, not an object, too deep, or a duplicate key. */
    MALFORMED_JSON,
    /** A field that the Situation does not have. */
    UNKNOWN_FIELD,
    /** A wrong type, a null, a value out of range, a bad date or an unknown enum value. */
    INVALID_VALUE,
    /** Neither daysUntilInterview nor interviewDate. */
    MISSING_FIELD,
    /** Two fields that cannot both hold. */
    CONFLICT
}
