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
    UNSUPPORTED_MEDIA_TYPE,
    /** The request is not valid HTTP/1.1 (a bad request line, header, Content-Length or chunk); HTTP 400. */
    BAD_REQUEST,
    /** The request (its headers or its body) did not arrive in time; HTTP 408. */
    REQUEST_TIMEOUT,
    /** The Host header names none of the names the service answers to; HTTP 421. */
    HOST_NOT_ALLOWED,
    /** The request line is too long; HTTP 414. */
    URI_TOO_LONG,
    /** The request headers are over their cap; HTTP 431. */
    HEADERS_TOO_LARGE,
    /** Not HTTP/1.0 or HTTP/1.1; HTTP 505. */
    HTTP_VERSION_NOT_SUPPORTED
}
