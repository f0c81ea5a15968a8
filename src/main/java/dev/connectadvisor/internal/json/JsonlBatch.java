package dev.connectadvisor.internal.json;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectadvisor.internal.engine.Threads;
import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * One Situation per input line, one Advice or Error per output line, in order: the line loop of
 * both {@code advise --jsonl} and {@code POST /v1/advice/batch}, so that the two answer byte for
 * byte alike. Every line is answered, a bad one included.
 *
 * <pre>{@code
 * JsonlBatch.Result result = new JsonlBatch(advisor::advise).run(System.in, System.out);
 * result.rejected();   // lines answered with an Error object (bad input)
 * }</pre>
 *
 * <p>Lines are read in chunks of up to {@value #CHUNK_LINES}; a chunk ends early when the input
 * pauses, and output is flushed whenever the input pauses, so a caller that streams lines sees
 * each answer without waiting for the end. With {@link #onThreads} the chunks are answered on
 * worker threads (parse, advise, write JSON) and written in input order by the reading thread,
 * with at most four chunks per worker in flight: memory stays the same whatever the input size.
 */
public final class JsonlBatch {
    /** A line longer than this is answered with an error, without being held in memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Lines per unit of work: large enough to amortise the hand-over, small enough to keep memory low. */
    public static final int CHUNK_LINES = 256;

    /**
     * What a run answered: every line, each with an Advice or an Error object.
     *
     * @param lines the lines answered
     * @param rejected lines answered with an Error for bad input
     * @param failed lines on which the rules gave no answer ({@code INTERNAL_ERROR})
     */
    public record Result(long lines, long rejected, long failed) {
        static final Result NONE = new Result(0, 0, 0);

        Result plus(Answered answered) {
            return new Result(lines + answered.lines(), rejected + answered.rejected(), failed + answered.failed());
        }
    }

    private final Function<Situation, Advice> advisor;
    private int threads = 1;
    private IntConsumer progress = done -> { };
    /** The JSON answer of recent situations, or null: see {@link #keepingAnswers}. */
    private Cache<Situation, byte[]> answers;
    private volatile int linesRead;

    /** @param advisor gives the advice for one valid situation, e.g. {@code advisor::advise} */
    public JsonlBatch(Function<Situation, Advice> advisor) {
        this.advisor = advisor;
    }

    /** Answers chunks on {@code threads} worker threads (1, the default: on the calling thread). */
    public JsonlBatch onThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Keeps the JSON answer of up to {@code max} recent situations and writes it again for a
     * repeated one: writing advice as JSON costs more than finding it in the advice cache. Only for
     * an advisor whose advice is a pure function of the situation (one rule base, as a
     * {@code ConnectAdvisor} is); a situation whose answer depends on the clock (an interviewDate
     * without today) is never kept.
     */
    public JsonlBatch keepingAnswers(long max) {
        this.answers = Caffeine.newBuilder().maximumSize(max).executor(Runnable::run).build();
        return this;
    }

    /** Tells {@code progress} how many lines were just written, after each chunk. */
    public JsonlBatch reportingTo(IntConsumer progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Answers every line of {@code input} on {@code output} (each answer followed by {@code '\n'}),
     * and flushes at the end; closes neither stream.
     *
     * @return how many lines were answered, and how many of them with an Error
     * @throws IOException if a stream fails; the lines answered so far have been written
     */
    public Result run(InputStream input, OutputStream output) throws IOException {
        LineReader lines = new LineReader(input);
        OutputStream out = new BufferedOutputStream(output, 1 << 16);
        try {
            return threads == 1 ? runHere(lines, out) : runOnWorkers(lines, out);
        } finally {
            // Every answer given so far goes out, even when the input fails midway.
            out.flush();
        }
    }

    /** How many lines {@link #run} has answered so far; when the input failed, the line it was reading is the next. */
    public int linesRead() {
        return linesRead;
    }

    private Result runHere(LineReader lines, OutputStream out) throws IOException {
        Result result = Result.NONE;
        Chunk chunk;
        while ((chunk = lines.nextChunk()) != null) {
            result = emit(answer(chunk), out, result);
            if (lines.paused()) {
                out.flush();
            }
        }
        return result;
    }

    private Result runOnWorkers(LineReader lines, OutputStream out) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, Threads.daemons("jsonl-worker-"));
        ArrayDeque<Future<Answered>> inFlight = new ArrayDeque<>();
        int maxInFlight = 4 * threads;
        Result result = Result.NONE;
        try {
            Chunk chunk;
            while (true) {
                try {
                    chunk = lines.nextChunk();
                } catch (IOException e) {
                    while (!inFlight.isEmpty()) {
                        result = emit(await(inFlight.poll()), out, result);
                    }
                    throw e;
                }
                if (chunk == null) {
                    break;
                }
                Chunk work = chunk;
                inFlight.add(workers.submit(() -> answer(work)));
                boolean paused = lines.paused();
                while (inFlight.size() >= maxInFlight || (!inFlight.isEmpty() && (paused || inFlight.peek().isDone()))) {
                    result = emit(await(inFlight.poll()), out, result);
                }
                if (paused) {
                    out.flush();
                }
            }
            while (!inFlight.isEmpty()) {
                result = emit(await(inFlight.poll()), out, result);
            }
        } finally {
            workers.shutdownNow();
        }
        return result;
    }

    private Result emit(Answered answered, OutputStream out, Result before) throws IOException {
        out.write(answered.bytes());
        linesRead = answered.lastLine();
        progress.accept(answered.lines());
        return before.plus(answered);
    }

    private static Answered await(Future<Answered> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while answering a batch");
        } catch (ExecutionException e) {
            throw Threads.unwrap(e);
        }
    }

    /** Lines read from the input, numbered from {@code firstLine}; {@code tooLong[i]} marks a line cut at the limit. */
    record Chunk(int firstLine, List<byte[]> lines, boolean[] tooLong) {
    }

    /** The answers of one chunk, as output bytes with a newline after each line. */
    record Answered(byte[] bytes, int lines, int lastLine, int rejected, int failed) {
    }

    private Answered answer(Chunk chunk) {
        Bytes bytes = new Bytes(chunk.lines().size() * 2048);
        int rejected = 0;
        int failed = 0;
        for (int i = 0; i < chunk.lines().size(); i++) {
            int number = chunk.firstLine() + i;
            int size = bytes.size();
            try {
                answer(chunk.lines().get(i), chunk.tooLong()[i], bytes);
            } catch (InvalidSituationException e) {
                bytes.reset(size);
                AdviceJson.write(e, number, bytes);
                rejected++;
            } catch (AdviceException e) {
                bytes.reset(size);
                AdviceJson.writeServiceError(ServiceError.INTERNAL_ERROR, "the rules gave no answer: " + e.getMessage(),
                        number, bytes);
                failed++;
            }
            bytes.write('\n');
        }
        int count = chunk.lines().size();
        return new Answered(bytes.toByteArray(), count, chunk.firstLine() + count - 1, rejected, failed);
    }

    private void answer(byte[] line, boolean tooLong, Bytes bytes) {
        if (tooLong) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "the line is longer than " + MAX_LINE_BYTES + " bytes; a situation fits in far less");
        }
        if (line.length == 0) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "empty line; expected one JSON object per line");
        }
        Situation situation = SituationJson.read(line);
        boolean keep = answers != null && (situation.interviewDate() == null || situation.today() != null);
        byte[] known = keep ? answers.getIfPresent(situation) : null;
        if (known != null) {
            bytes.write(known, 0, known.length);
            return;
        }
        int start = bytes.size();
        Advice advice = advisor.apply(situation);
        AdviceJson.write(advice, situation, bytes);
        if (keep) {
            answers.put(situation, bytes.copyFrom(start));
        }
    }

    /** A byte buffer that can drop what a failed line had written. */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        void reset(int size) {
            count = size;
        }

        byte[] copyFrom(int start) {
            return Arrays.copyOfRange(buf, start, count);
        }
    }

    /**
     * Splits bytes on '\n' (dropping a '\r' before it), so that each line is decoded, and judged,
     * on its own. Scans its own buffer: no call into the stream per byte.
     */
    static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private boolean ended;
        private int lineNumber;
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream(512);
        private boolean partialTooLong;
        private IOException failure;
        boolean lastTooLong;

        LineReader(InputStream in) {
            this.in = in;
        }

        /**
         * Up to {@link #CHUNK_LINES} lines, fewer when the input pauses (nothing buffered and
         * nothing available), or null at the end of the input.
         */
        Chunk nextChunk() throws IOException {
            if (failure != null) {
                throw failure;
            }
            List<byte[]> lines = new ArrayList<>();
            boolean[] tooLong = new boolean[CHUNK_LINES];
            int first = lineNumber + 1;
            try {
                byte[] line;
                while (lines.size() < CHUNK_LINES && (lines.isEmpty() || !paused()) && (line = next()) != null) {
                    tooLong[lines.size()] = lastTooLong;
                    lines.add(line);
                }
            } catch (IOException e) {
                if (lines.isEmpty()) {
                    throw e;
                }
                failure = e; // the lines read before the failure are answered first
            }
            return lines.isEmpty() ? null : new Chunk(first, lines, tooLong);
        }

        /** True when reading on would wait for the input: nothing buffered, nothing available now. */
        boolean paused() throws IOException {
            return position == limit && !ended && in.available() == 0;
        }

        /** The next line without its terminator, or null at the end of the input. */
        byte[] next() throws IOException {
            partial.reset();
            partialTooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit && (ended || !fill())) {
                    return any ? finish(null, 0, 0) : null;
                }
                any = true;
                int start = position;
                int newline = -1;
                for (int i = start; i < limit; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                if (newline >= 0) {
                    position = newline + 1;
                    return finish(buffer, start, newline - start);
                }
                keep(buffer, start, limit - start);
                position = limit;
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                ended = true;
                position = limit = 0;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        private void keep(byte[] bytes, int from, int length) {
            int room = MAX_LINE_BYTES - partial.size();
            if (length > room) {
                partialTooLong = true;
            }
            partial.write(bytes, from, Math.min(length, Math.max(room, 0)));
        }

        private byte[] finish(byte[] bytes, int from, int length) {
            lineNumber++;
            byte[] line;
            if (partial.size() == 0 && !partialTooLong) {
                line = bytes == null ? new byte[0] : Arrays.copyOfRange(bytes, from, from + length);
                lastTooLong = false;
            } else {
                if (bytes != null) {
                    keep(bytes, from, length);
                }
                line = partial.toByteArray();
                lastTooLong = partialTooLong;
            }
            if (lastTooLong) {
                return new byte[0];
            }
            if (line.length > 0 && line[line.length - 1] == '\r') {
                line = Arrays.copyOf(line, line.length - 1);
            }
            return line;
        }
    }
}
