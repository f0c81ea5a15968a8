package dev.connectadvisor.internal.server;

import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One request and its answer: the headers every answer carries, the answer written at most once,
 * and, when it is done, one access-log line and the request's metrics.
 */
final class Exchange {
    static final String JSON = "application/json";
    static final String REQUEST_ID = "X-Request-Id";
    /** A caller's request id is echoed if it is short and plain; otherwise one is made. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Where a finished exchange is reported: the access log and the metrics. */
    interface Reporter {
        void finished(Exchange exchange, int status, long bytes, long nanos);

        /** An answer Jetty's error handler gave (a malformed request): no route, no rules. */
        void finishedUnrouted(Request request, int status, long bytes, long nanos);
    }

    final Request request;
    final Response response;
    private final Callback callback;
    private final Reporter reporter;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final String requestId;
    private final long start;
    private String endpoint = "unmatched";
    private String rulesVersion = "-";

    Exchange(Request request, Response response, Callback callback, Reporter reporter) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.reporter = reporter;
        this.start = System.nanoTime();
        String given = request.getHeaders().get(REQUEST_ID);
        this.requestId = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
        response.getHeaders().put(REQUEST_ID, requestId);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return request.getHttpURI().getPath();
    }

    String requestId() {
        return requestId;
    }

    String endpoint() {
        return endpoint;
    }

    String rulesVersion() {
        return rulesVersion;
    }

    boolean isHead() {
        return HttpMethod.HEAD.is(request.getMethod());
    }

    void endpoint(String name) {
        this.endpoint = name;
    }

    /** The rules that answer this request: in the {@code X-Rules-Version} header and the access log. */
    void rules(String version) {
        this.rulesVersion = version;
        response.getHeaders().put(Routes.RULES_VERSION_HEADER, version);
    }

    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** True once an answer was started: a second one (a late timeout, say) is dropped. */
    boolean answered() {
        return answered.get();
    }

    /** Answers with a whole body (for HEAD, its headers only, Content-Length included). */
    void send(int status, String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, isHead() ? null : ByteBuffer.wrap(body), done());
    }

    /** Answers 204: no body, and so neither a length nor a type. */
    void noContent() {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        response.setStatus(204);
        response.write(true, null, done());
    }

    /** Answers with the project's Error object. */
    void error(int status, ServiceError code, String message) {
        send(status, JSON, line(AdviceJson.serviceError(code, message, null)));
    }

    /** Answers a request whose body could not be read: bad framing 400, a timeout 408, else the connection is gone. */
    void bodyFailed(Throwable failure) {
        header(HttpHeader.CONNECTION.asString(), "close");
        if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            error(http.getCode(), http.getCode() == 408 ? ServiceError.REQUEST_TIMEOUT : ServiceError.BAD_REQUEST,
                    "the request body could not be read: it is not valid HTTP/1.1 framing (Content-Length or chunks)");
        } else if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            error(408, ServiceError.REQUEST_TIMEOUT, "the request body did not arrive in time");
        } else {
            error(400, ServiceError.BAD_REQUEST, "the request body could not be read");
        }
    }

    /** Starts a streamed answer; the caller writes the body, then calls {@link #streamed}. */
    boolean startStream() {
        return answered.compareAndSet(false, true);
    }

    /** A streamed answer is over (the stream was closed), or failed. */
    void streamed(Throwable failure) {
        if (failure == null) {
            done().succeeded();
        } else {
            done().failed(failure);
        }
    }

    /**
     * Reads the whole body, up to {@code cap} bytes, without holding a thread while it arrives, then
     * gives it to {@code then}; over the cap it answers 413, past {@code deadline} 408.
     */
    void readBody(int cap, Scheduler scheduler, java.time.Duration deadline, Consumer<byte[]> then) {
        long declared = request.getLength();
        if (declared > cap) {
            tooLarge(cap);
            return;
        }
        new BodyReader(cap, then, scheduler, deadline).run();
    }

    void tooLarge(long cap) {
        header(HttpHeader.CONNECTION.asString(), "close");
        error(413, ServiceError.BODY_TOO_LARGE, "the body is larger than " + cap + " bytes");
    }

    private final class BodyReader implements Runnable {
        private final int cap;
        private final Consumer<byte[]> then;
        private final Scheduler scheduler;
        private final java.time.Duration deadline;
        private byte[] bytes = new byte[1024];
        private int size;
        /** Set only once the body has to be waited for: most bodies come with their headers. */
        private volatile Scheduler.Task timer;

        BodyReader(int cap, Consumer<byte[]> then, Scheduler scheduler, java.time.Duration deadline) {
            this.cap = cap;
            this.then = then;
            this.scheduler = scheduler;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (!answered()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (timer == null) {
                        timer = scheduler.schedule(this::expire, deadline);
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    cancelTimer();
                    bodyFailed(chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if (size + n > cap) {
                    chunk.release();
                    cancelTimer();
                    tooLarge(cap);
                    return;
                }
                if (size + n > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, Math.min(cap, Math.max(bytes.length * 2, size + n)));
                }
                buffer.get(bytes, size, n);
                size += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    cancelTimer();
                    then.accept(size == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, size));
                    return;
                }
            }
        }

        void expire() {
            if (!answered()) {
                header(HttpHeader.CONNECTION.asString(), "close");
                error(408, ServiceError.REQUEST_TIMEOUT, "the request body did not arrive in time");
            }
        }

        private void cancelTimer() {
            Scheduler.Task task = timer;
            if (task != null) {
                task.cancel();
            }
        }
    }

    private Callback done() {
        return new Callback() {
            @Override
            public void succeeded() {
                report();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                report();
                callback.failed(x);
            }
        };
    }

    private void report() {
        reporter.finished(this, response.getStatus(), Response.getContentBytesWritten(response), System.nanoTime() - start);
    }

    /** The JSON text and its newline, as one line of the CLI's output. */
    static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
