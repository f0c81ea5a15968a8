package dev.connectadvisor.internal.json;

/**
 * The error codes of answers that are not the situation's fault (the situation's own are
 * {@link dev.connectadvisor.ErrorCode}): the service's, and a rules failure in a batch line.
 */
public enum ServiceError {
    /** The rules gave no answer (a defect in the rules); HTTP 500. */
    INTERNAL_ERROR,
    /** Every evaluation slot is busy; HTTP 503 with Retry-After. */
    OVERLOADED,
    /** The rules gave no answer within the time limit; HTTP 503. */
    TIMEOUT,
    /** The service is stopping; HTTP 503. */
    SHUTTING_DOWN,
    /** No such endpoint; HTTP 404. */
    NOT_FOUND,
    /** The endpoint does not take this method; HTTP 405. */
    METHOD_NOT_ALLOWED,
    /** The body is over its cap; HTTP 413. */
    BODY_TOO_LARGE,
    /** The body's Content-Type is not accepted; HTTP 415. */
    UNSUPPORTED_MEDIA_TYPE
}
