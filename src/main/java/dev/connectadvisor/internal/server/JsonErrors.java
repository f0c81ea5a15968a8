package dev.connectadvisor.internal.server;

import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for what Jetty answers itself before a request reaches the routes: a
 * malformed request line or header (400), headers over their cap (431), a request line too long
 * (414), an HTTP version other than 1.0 and 1.1 (505), a body that never came (408). It answers
 * with the project's Error object, never an HTML page and never an exception's name.
 */
final class JsonErrors implements Request.Handler {
    /** Jetty's own reasons are short phrases ("No Host", "Unknown Version"); anything else is not shown. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 ,'=:_-]{0,80}");

    private final Exchange.Reporter reporter;

    JsonErrors(Exchange.Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        if (status == 426) {
            status = 505; // Jetty's answer to "HTTP/2.0" over plain HTTP/1: this service speaks 1.1 and 1.0 only
        }
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String detail = reason instanceof String text && PLAIN_REASON.matcher(text).matches() && !text.contains("Exception")
                ? " (" + text + ")" : "";
        ServiceError code;
        String message;
        switch (status) {
            case 400 -> {
                code = ServiceError.BAD_REQUEST;
                message = "the request is not valid HTTP/1.1" + detail + "; send a request line, headers with a Host, "
                        + "CRLF line ends, and a body framed by Content-Length or chunks";
            }
            case 404 -> {
                code = ServiceError.NOT_FOUND;
                message = "no such endpoint; see /openapi.json";
            }
            case 405 -> {
                code = ServiceError.METHOD_NOT_ALLOWED;
                message = "the method is not allowed here; see /openapi.json";
            }
            case 408 -> {
                code = ServiceError.REQUEST_TIMEOUT;
                message = "the request did not arrive in time";
            }
            case 413 -> {
                code = ServiceError.BODY_TOO_LARGE;
                message = "the body is too large";
            }
            case 414 -> {
                code = ServiceError.URI_TOO_LONG;
                message = "the request line is too long";
            }
            case 431 -> {
                code = ServiceError.HEADERS_TOO_LARGE;
                message = "the request headers are larger than the service accepts (" + AdviceServer.Options.MAX_HEADER_BYTES
                        + " bytes in all)";
            }
            case 505 -> {
                code = ServiceError.HTTP_VERSION_NOT_SUPPORTED;
                message = "only HTTP/1.1 and HTTP/1.0 are spoken here";
            }
            case 503 -> {
                code = ServiceError.OVERLOADED;
                message = "the service cannot answer now; try again shortly";
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
            default -> {
                code = status < 500 ? ServiceError.BAD_REQUEST : ServiceError.INTERNAL_ERROR;
                message = status < 500 ? "the request cannot be answered" + detail : "internal error";
            }
        }
        byte[] body = Exchange.line(AdviceJson.serviceError(code, message, null));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        long start = request.getBeginNanoTime() == 0 ? System.nanoTime() : request.getBeginNanoTime();
        String method = request.getMethod() == null ? "-" : request.getMethod();
        int answered = status;
        response.write(true, HttpMethod.HEAD.is(method) ? null : ByteBuffer.wrap(body), Callback.from(() -> {
            reporter.finishedUnrouted(request, answered, body.length, System.nanoTime() - start);
            callback.succeeded();
        }, failure -> {
            reporter.finishedUnrouted(request, answered, 0, System.nanoTime() - start);
            callback.failed(failure);
        }));
        return true;
    }
}
