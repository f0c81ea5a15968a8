package dev.connectadvisor.internal.server;

import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import java.nio.ByteBuffer;
import java.util.Map;
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

    private static final String BAD_REQUEST_HINT = "; send a request line, headers with a Host, CRLF line ends, and a body "
            + "framed by Content-Length or chunks";

    /** What each status Jetty may answer by itself means, in the project's words. */
    private record Known(ServiceError code, String message) {
    }

    private static final Map<Integer, Known> KNOWN = Map.of(
            400, new Known(ServiceError.BAD_REQUEST, "the request is not valid HTTP/1.1"),
            404, new Known(ServiceError.NOT_FOUND, "no such endpoint; see /openapi.json"),
            405, new Known(ServiceError.METHOD_NOT_ALLOWED, "the method is not allowed here; see /openapi.json"),
            408, new Known(ServiceError.REQUEST_TIMEOUT, "the request did not arrive in time"),
            413, new Known(ServiceError.BODY_TOO_LARGE, "the body is too large"),
            414, new Known(ServiceError.URI_TOO_LONG, "the request line is too long"),
            431, new Known(ServiceError.HEADERS_TOO_LARGE, "the request headers are larger than the service accepts ("
                    + AdviceServer.Options.MAX_HEADER_BYTES + " bytes in all)"),
            503, new Known(ServiceError.OVERLOADED, "the service cannot answer now; try again shortly"),
            505, new Known(ServiceError.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.1 and HTTP/1.0 are spoken here"));

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
        Known known = KNOWN.get(status);
        ServiceError code;
        String message;
        if (known != null) {
            code = known.code();
            message = known.message() + (status == 400 ? detail + BAD_REQUEST_HINT : "");
        } else {
            code = status < 500 ? ServiceError.BAD_REQUEST : ServiceError.INTERNAL_ERROR;
            message = status < 500 ? "the request cannot be answered" + detail : "internal error";
        }
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
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
