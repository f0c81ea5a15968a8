package dev.connectadvisor.internal.server;

import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.ServiceError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Ends a connection whose request head (request line and headers) has been arriving for longer
 * than the header timeout: a client that sends its headers a byte at a time (slowloris) would
 * otherwise keep its connection for as long as each byte comes within the idle timeout. Jetty reads
 * headers without a thread, so such a client costs only its socket; this bounds how long. The
 * client gets a 408 with the project's Error object, then the connection is closed.
 *
 * <p>Jetty 12 has no header timeout of its own: once a second this looks at each open
 * connection's parser state (a volatile field of Jetty's {@code HttpParser}).
 */
final class HeaderTimeout implements Connection.Listener, AutoCloseable {
    private static final byte[] ANSWER = answer();

    private final long limitNanos;
    private final Scheduler scheduler;
    private final Map<HttpConnection, Seen> open = new ConcurrentHashMap<>();
    private volatile Scheduler.Task sweep;
    private volatile boolean closed;

    /** When a connection was first seen partway through a request head, and which request that was. */
    private record Seen(long since, long messagesIn) {
    }

    HeaderTimeout(Duration limit, Scheduler scheduler) {
        this.limitNanos = limit.toNanos();
        this.scheduler = scheduler;
    }

    void start() {
        schedule();
    }

    private void schedule() {
        if (!closed) {
            sweep = scheduler.schedule(this::sweep, Math.max(100, Math.min(1000, limitNanos / 4_000_000)), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, new Seen(-1, -1));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        try {
            for (Map.Entry<HttpConnection, Seen> entry : open.entrySet()) {
                HttpConnection connection = entry.getKey();
                HttpParser parser = connection.getParser();
                // START: idle between requests (the idle timeout's business); past HEADER: the body or the answer
                boolean inHead = parser.inHeaderState() && !parser.isState(HttpParser.State.START);
                if (!inHead) {
                    if (entry.getValue().since() >= 0) {
                        entry.setValue(new Seen(-1, -1));
                    }
                    continue;
                }
                Seen seen = entry.getValue();
                long messages = connection.getMessagesIn();
                if (seen.since() < 0 || seen.messagesIn() != messages) {
                    entry.setValue(new Seen(now, messages));
                } else if (now - seen.since() >= limitNanos) {
                    open.remove(connection);
                    answerAndClose(connection.getEndPoint());
                }
            }
        } finally {
            schedule();
        }
    }

    private static void answerAndClose(EndPoint endPoint) {
        endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(ANSWER));
    }

    private static byte[] answer() {
        byte[] body = Exchange.line(AdviceJson.serviceError(ServiceError.REQUEST_TIMEOUT,
                "the request headers did not arrive in time", null));
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    @Override
    public void close() {
        closed = true;
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
    }
}
