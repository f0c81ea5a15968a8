package dev.connectadvisor.internal.server;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.internal.json.Json;
import dev.connectadvisor.internal.situation.SituationFields;
import dev.connectadvisor.internal.verify.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --shadow DIR}: a candidate rules folder, compiled and verified like the rules in
 * service, that answers every request too, off the answer's path: the answering thread only
 * offers the situation and the primary answer to a bounded queue ({@value #CAPACITY}); what does
 * not fit is dropped and counted, so the shadow never delays an answer. One daemon thread
 * answers the queued situations with the candidate and compares, as the impact report does
 * ({@link Outcome#change}): the verdict, {@code actInDays}, the reasons. The counts shown by
 * {@code GET /v1/shadow} are those since the pair of rule versions last changed (a reload of
 * either starts them afresh); {@code /metrics} counts since the start.
 */
final class Shadow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Shadow.class);
    static final int CAPACITY = 4096;
    /** Kinds of difference kept at most; further kinds are counted in {@code differed} only. */
    static final int MAX_KINDS = 100;

    /** What the answering thread hands over: references only, the comparison is the worker's. */
    private record Job(Situation resolved, Advice primary, LiveRules.Loaded rules) {
    }

    /** How long the worker sleeps when the queue is empty: it never waits on the queue, so an offer wakes no thread. */
    private static final long PAUSE_MS = 10;

    /** One kind of difference: how many, and the first situation that showed it. */
    private record Group(String kind, AtomicLong count, Object example) {
    }

    /** The counts for one pair of rule versions. */
    private static final class Stats {
        final String primary;
        final String shadow;
        final LongAdder compared = new LongAdder();
        final LongAdder agreed = new LongAdder();
        final LongAdder differed = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final Map<String, Group> groups = new ConcurrentHashMap<>();

        Stats(String primary, String shadow) {
            this.primary = primary;
            this.shadow = shadow;
        }
    }

    private final LiveRules candidate;
    private final RulesWatcher watcher;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private volatile Stats stats;
    private final LongAdder totalCompared = new LongAdder();
    private final LongAdder totalAgreed = new LongAdder();
    private final LongAdder totalDiffered = new LongAdder();
    private final LongAdder totalDropped = new LongAdder();
    private volatile boolean closed;

    /**
     * @throws dev.connectadvisor.RulesCompilationException if the candidate does not compile or calls what a rule may not
     * @throws IllegalStateException if the candidate fails verify
     */
    Shadow(Path dir, String primaryVersion, Clock clock, Duration timeout, boolean watch, Duration debounce) throws IOException {
        this.candidate = LiveRules.fromDirectory(dir, clock, timeout);
        if (candidate.lastError() != null) {
            throw new IllegalStateException("the shadow rules in " + dir + " fail verify, so they were not loaded: "
                    + String.join("\n  ", candidate.lastError().problems()));
        }
        this.stats = new Stats(primaryVersion, candidate.current().version());
        this.watcher = watch ? new RulesWatcher(candidate, debounce) : null;
        this.worker = new Thread(this::work, "shadow-rules");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
        if (watcher != null) {
            watcher.start();
        }
        LOG.info("shadow rules {} ({}) answer every request too", candidate.current().version(), candidate.current().origin());
    }

    LiveRules candidate() {
        return candidate;
    }

    /** Hands one answered situation to the shadow; never waits: a full queue drops it (counted). */
    void offer(Situation resolved, Advice primary, LiveRules.Loaded rules) {
        if (closed || !queue.offer(new Job(resolved, primary, rules))) {
            totalDropped.increment();
            stats.dropped.increment();
        }
    }

    private void work() {
        List<Job> batch = new ArrayList<>(256);
        try {
            while (!closed) {
                queue.drainTo(batch, 256);
                if (batch.isEmpty()) {
                    Thread.sleep(PAUSE_MS);
                    continue;
                }
                batch.forEach(this::compare);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void compare(Job job) {
        LiveRules.Loaded rules = candidate.current();
        String primaryVersion = job.rules().version();
        Stats s = stats;
        if (!s.shadow.equals(rules.version()) || !s.primary.equals(primaryVersion)) {
            s = new Stats(primaryVersion, rules.version());
            stats = s;
        }
        Outcome before = Outcome.of(job.primary(), job.rules().decidingRow(job.primary().firedRules()));
        Outcome now;
        try {
            Advice advice = rules.advisor().advise(job.resolved());
            now = Outcome.of(advice, rules.decidingRow(advice.firedRules()));
        } catch (AdviceException e) {
            now = Outcome.failed(e.kind().toString());
        } catch (RuntimeException e) {
            now = Outcome.failed(e.getClass().getSimpleName());
        }
        String kind = Outcome.change(before, now);
        s.compared.increment();
        totalCompared.increment();
        if (kind == null) {
            s.agreed.increment();
            totalAgreed.increment();
            return;
        }
        s.differed.increment();
        totalDiffered.increment();
        Group group = s.groups.get(kind);
        if (group == null && s.groups.size() < MAX_KINDS) {
            Object example = Json.tree(AdviceJson.toJson(job.resolved(), SituationFields.NOT_PERSONAL));
            group = s.groups.computeIfAbsent(kind, k -> new Group(k, new AtomicLong(), example));
        }
        if (group != null) {
            group.count().incrementAndGet();
        }
    }

    /** The body of {@code GET /v1/shadow}. */
    Map<String, Object> report() {
        Stats s = stats;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rulesVersion", s.primary);
        body.put("shadowRulesVersion", s.shadow);
        body.put("compared", s.compared.sum());
        body.put("agreed", s.agreed.sum());
        body.put("differed", s.differed.sum());
        body.put("dropped", s.dropped.sum());
        List<Group> groups = new ArrayList<>(s.groups.values());
        groups.sort(Comparator.comparingLong((Group g) -> g.count().get()).reversed().thenComparing(Group::kind));
        List<Map<String, Object>> differences = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", g.kind());
            d.put("count", g.count().get());
            d.put("example", g.example());
            differences.add(d);
        }
        body.put("differences", differences);
        return body;
    }

    long compared() {
        return totalCompared.sum();
    }

    long agreed() {
        return totalAgreed.sum();
    }

    long differed() {
        return totalDiffered.sum();
    }

    long dropped() {
        return totalDropped.sum();
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        worker.interrupt();
    }
}
