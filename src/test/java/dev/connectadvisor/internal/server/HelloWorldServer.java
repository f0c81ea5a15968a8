package dev.connectadvisor.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The benchmark's baseline (bench/http.sh): Jetty with the service's own thread pool and connector
 * ({@link AdviceServer#threadPool}, {@link AdviceServer#connector}), answering every request with
 * a fixed JSON body of the given size, as a blocking handler like the service's. Not in the
 * product jar: it lives with the tests.
 *
 * <pre>{@code java -cp target/test-classes:target/connect-advisor.jar dev.connectadvisor.internal.server.HelloWorldServer 18112 1122}</pre>
 */
public final class HelloWorldServer {
    private HelloWorldServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"hello\":\"world\"}".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(json, 0, body, 0, json.length);
        body[size - 1] = '\n';
        AdviceServer.Options options = AdviceServer.Options.defaults().port(port);
        Server jetty = new Server(AdviceServer.threadPool(options));
        AdviceServer.connector(jetty, options);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        jetty.start();
        System.out.println("hello-world on http://127.0.0.1:" + port + "/ (" + size + " bytes an answer)");
        jetty.join();
    }
}
