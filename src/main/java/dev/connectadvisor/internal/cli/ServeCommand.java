package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.server.AdviceServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the decision service over HTTP until SIGTERM (or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The decision service over HTTP: POST /v1/advice, POST /v1/advice/batch, GET /v1/rules,",
                "GET /health, GET /openapi.json, and the playground page at GET /.",
                "Stops on SIGTERM, finishing the requests in flight. Exit codes: 2 usage or the port is taken, 3 the rules do not compile."})
final class ServeCommand implements Callable<Integer> {
    /** The JDK server's own limits, in seconds: reading a request (body included) and writing its answer. */
    static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";

    private final Main.Io io;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: ${DEFAULT-VALUE}; 0 = any free port).", defaultValue = "8080")
    private int port;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).", defaultValue = "127.0.0.1")
    private String host;
    @Option(names = "--rules", paramLabel = "DIR", description = "Serve the rules in DIR instead of the built-in ones.")
    private Path rules;
    @Option(names = "--watch", description = "Reload the rules when files in DIR change, if they compile and pass the scenario tables.")
    private boolean watch;
    @Option(names = "--workers", paramLabel = "N", description = "Threads answering requests (default: the cores).")
    private Integer workers;
    @Option(names = "--queue", paramLabel = "N", description = "Requests that may wait for a thread; more get 503 (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    private int queue;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Time limit of one advice, as for advise (default: ${DEFAULT-VALUE}); past it, 503 TIMEOUT.")
    private double timeoutSeconds;
    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    ServeCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Slow clients must not hold a worker for ever: the JDK server closes a connection whose
        // request takes longer than this to arrive, or whose answer longer to be taken.
        System.setProperty(MAX_REQUEST_TIME, System.getProperty(MAX_REQUEST_TIME, "60"));
        System.setProperty(MAX_RESPONSE_TIME, System.getProperty(MAX_RESPONSE_TIME, "60"));
        AdviceServer.Options defaults = AdviceServer.Options.defaults();
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
            io.err().println("connect-advisor: --timeout must be a number of seconds above 0 and at most 86400, got "
                    + timeoutSeconds);
            return ExitCode.BAD_INPUT.code();
        }
        AdviceServer.Options options;
        try {
            options = defaults.host(host).port(port).rules(rules, watch)
                    .pool(workers == null ? defaults.workers() : workers, queue)
                    .limits(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))), defaults.maxBodyBytes(),
                            defaults.maxBatchBytes());
        } catch (IllegalArgumentException e) {
            io.err().println("connect-advisor: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        AdviceServer server;
        try {
            server = AdviceServer.start(options);
        } catch (IOException e) {
            io.err().println("connect-advisor: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        io.out().println("connect-advisor: serving rules " + server.rules().current().version() + " ("
                + server.rules().current().origin() + ") on " + server.uri() + (watch ? ", watching for changes" : ""));
        io.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return ExitCode.OK.code();
    }
}
