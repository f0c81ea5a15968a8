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
        description = {"The decision service over HTTP (embedded Jetty):",
                "  POST /v1/advice, POST /v1/advice/batch, GET /v1/rules, GET /openapi.json,",
                "  GET /health, GET /health/live, GET /health/ready, GET /metrics (Prometheus),",
                "  GET /v1/shadow (with --shadow), and the playground page at GET /. Every GET also answers HEAD.",
                "Stops on SIGTERM, finishing the requests in flight. Exit codes: 2 usage or",
                "the port is taken, 1 the shadow rules fail verify, 3 the rules (or the shadow rules)",
                "do not compile or call what a rule may not."})
final class ServeCommand implements Callable<Integer> {
    private final Main.Io io;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: ${DEFAULT-VALUE}; 0 = any free port).", defaultValue = "8080")
    private int port;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).", defaultValue = "127.0.0.1")
    private String host;
    @Option(names = "--rules", paramLabel = "DIR", description = "Serve the rules in DIR instead of the built-in ones.")
    private Path rules;
    @Option(names = "--watch", description = "Reload the rules (and the --shadow rules) when files in their folder change, if they compile and pass the scenario tables.")
    private boolean watch;
    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "Another name the Host header may give (repeatable); the loopback names and --host are always allowed.")
    private java.util.List<String> allowedHosts = new java.util.ArrayList<>();
    @Option(names = "--workers", paramLabel = "N", description = "Evaluations that run at once (default: the cores).")
    private Integer workers;
    @Option(names = "--queue", paramLabel = "N", description = "Evaluations that may wait for a slot; more get 503 OVERLOADED (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    private int queue;
    @Option(names = "--queue-timeout", paramLabel = "SECONDS", defaultValue = "1",
            description = "An evaluation that waited this long for a slot gets 503 OVERLOADED instead (default: ${DEFAULT-VALUE}).")
    private double queueSeconds;
    @Option(names = "--max-batches", paramLabel = "N", description = "Batches answered at once; more get 503 OVERLOADED (default: ${DEFAULT-VALUE}).", defaultValue = "8")
    private int maxBatches;
    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection quiet this long (default: ${DEFAULT-VALUE}).")
    private double idleSeconds;
    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "A request's line and headers must arrive within this, else 408 (default: ${DEFAULT-VALUE}).")
    private double headerSeconds;
    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The body of one advice must arrive within this, else 408 (default: ${DEFAULT-VALUE}).")
    private double bodySeconds;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Time limit of one advice, as for advise (default: ${DEFAULT-VALUE}); past it, 503 TIMEOUT.")
    private double timeoutSeconds;
    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append one JSON line per decision to FILE (what the rules saw and answered), for verify --replay.")
    private Path decisionLog;
    @Option(names = "--decision-log-max-size", paramLabel = "SIZE", defaultValue = "100MB",
            description = "Rotate the decision log past SIZE: bytes, or with KB, MB or GB (default: ${DEFAULT-VALUE}).")
    private String decisionLogMaxSize;
    @Option(names = "--decision-log-files", paramLabel = "N", defaultValue = "5",
            description = "Decision log files kept, the one being written included (default: ${DEFAULT-VALUE}).")
    private int decisionLogFiles;
    @Option(names = "--log-personal-data",
            description = "Keep interviewerName, note, yourName and topic in the decision log (left out by default).")
    private boolean logPersonalData;
    @Option(names = "--shadow", paramLabel = "DIR",
            description = "Also answer every request with the candidate rules in DIR, off the answer's path, and compare (GET /v1/shadow).")
    private Path shadow;
    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    ServeCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        AdviceServer.Options defaults = AdviceServer.Options.defaults();
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
            io.err().println("connect-advisor: --timeout must be a number of seconds above 0 and at most 86400, got "
                    + timeoutSeconds);
            return ExitCode.BAD_INPUT.code();
        }
        AdviceServer.Options options;
        try {
            options = defaults.host(host).port(port).shadow(shadow).rules(rules, watch)
                    .pool(workers == null ? defaults.workers() : workers, queue).maxBatches(maxBatches)
                    .queueTimeout(seconds("--queue-timeout", queueSeconds))
                    .limits(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))), defaults.maxBodyBytes(),
                            defaults.maxBatchBytes())
                    .timeouts(seconds("--idle-timeout", idleSeconds), seconds("--header-timeout", headerSeconds),
                            seconds("--body-timeout", bodySeconds))
                    .allowedHosts(allowedHosts);
            if (decisionLog != null) {
                options = options.decisionLog(decisionLog, ByteSize.parse("--decision-log-max-size", decisionLogMaxSize),
                        decisionLogFiles, logPersonalData);
            } else if (logPersonalData) {
                throw new IllegalArgumentException("--log-personal-data needs --decision-log FILE");
            }
        } catch (IllegalArgumentException e) {
            io.err().println("connect-advisor: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        AdviceServer server;
        try {
            server = AdviceServer.start(options);
        } catch (java.nio.file.FileSystemException e) {
            io.err().println("connect-advisor: cannot open the decision log: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        } catch (IOException e) {
            io.err().println("connect-advisor: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        } catch (IllegalStateException e) {
            io.err().println("connect-advisor: " + e.getMessage());
            return ExitCode.VERIFY_FAILED.code();
        }
        io.out().println("connect-advisor: serving rules " + server.rules().current().version() + " ("
                + server.rules().current().origin() + ") on " + server.uri() + (watch ? ", watching for changes" : "")
                + (shadow == null ? "" : ", shadow rules from " + shadow.getFileName())
                + (decisionLog == null ? "" : ", logging decisions to " + decisionLog));
        io.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return ExitCode.OK.code();
    }

    private static Duration seconds(String flag, double seconds) {
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new IllegalArgumentException(flag + " must be a number of seconds above 0 and at most 3600, got " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
