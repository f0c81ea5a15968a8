package dev.connectadvisor.internal.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder and its {@code scenarios/} subfolder, and reloads the rules once the
 * changes have settled: an editor's save is often several events (write, rename, touch), so a
 * reload waits for a quiet spell (the debounce) after the last one.
 */
final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final LiveRules rules;
    private final Duration debounce;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;

    RulesWatcher(LiveRules rules, Duration debounce) throws IOException {
        this.rules = rules;
        this.debounce = debounce;
        Path dir = rules.dir();
        this.service = dir.getFileSystem().newWatchService();
        register(dir);
        Path scenarios = dir.resolve("scenarios");
        if (Files.isDirectory(scenarios)) {
            register(scenarios);
        }
        this.thread = new Thread(this::loop, "rules-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
        LOG.info("watching {} for changes", rules.dir());
    }

    private void register(Path dir) throws IOException {
        dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }

    private void loop() {
        try {
            while (!closed) {
                WatchKey key = service.take();
                boolean changed = drain(key);
                // Debounce: keep taking events until none came for the whole quiet spell.
                WatchKey more;
                while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more);
                }
                if (changed && !closed) {
                    rules.reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the rules watcher stopped: {}", e.toString());
        }
    }

    /** Takes the key's events; registers a {@code scenarios/} folder created after the start. */
    private boolean drain(WatchKey key) {
        Path watched = (Path) key.watchable();
        boolean any = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            any = true;
            if (event.kind() != OVERFLOW && watched.equals(rules.dir())
                    && "scenarios".equals(String.valueOf(event.context()))) {
                Path scenarios = watched.resolve("scenarios");
                if (Files.isDirectory(scenarios)) {
                    try {
                        register(scenarios);
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", scenarios, e.toString());
                    }
                }
            }
        }
        key.reset();
        return any;
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to do
        }
        thread.interrupt();
    }
}
