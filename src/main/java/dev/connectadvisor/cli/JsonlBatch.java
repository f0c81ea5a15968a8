package dev.connectadvisor.cli;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.json.AdviceJson;
import dev.connectadvisor.json.SituationJson;
import java.io.ByteArrayOutputStream;
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

/**
 * {@code advise --jsonl}: one Situation per input line, one Advice or Error per output line, in
 * order. Every line is answered, a bad one included.
 *
 * <p>Streaming on every core: the reading thread cuts the input into chunks of
 * {@value #CHUNK_LINES} lines, worker threads answer whole chunks (parse, advise, write JSON), and
 * the reading thread writes the answered chunks in input order. At most
 * {@code 4 * threads} chunks are in flight, so memory stays the same whatever the input size.
 */
final class JsonlBatch {
    /** A line longer than this is answered with an error, without being held in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Lines per unit of work: large enough to amortise the hand-over, small enough to keep memory low. */
    static final int CHUNK_LINES = 256;

    /** Answer lines kept for repeated situations: about 1.2 KB each. */
    static final int ANSWERS_KEPT = 10_000;

    private final ConnectAdvisor advisor;
    private final OutputStream out;
    private final int threads;
    private final Progress progress;
    /**
     * The JSON answer of each recent situation, when the advisor caches: writing the advice as
     * JSON costs more than finding it in the advice cache. Keyed by the situation as read, so
     * only situations whose answer does not depend on the clock (no interviewDate without today).
     */
    private final Cache<Situation, byte[]> answers;

    /**
     * @param threads worker threads; 1 answers on the calling thread
     * @param progress reports lines done and lines/s, or null for none
     */
    JsonlBatch(ConnectAdvisor advisor, OutputStream out, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.advisor = advisor;
        this.out = out;
        this.threads = threads;
        this.progress = progress;
        this.answers = advisor.caching()
                ? Caffeine.newBuilder().maximumSize(ANSWERS_KEPT).executor(Runnable::run).build() : null;
    }

    /** Answers every line; returns 0, or 2 if a line was bad, or 70 if the rules failed on a line. */
    int run(InputStream input) throws IOException {
        LineReader lines = new LineReader(input);
        int exit = threads == 1 ? runHere(lines) : runOnWorkers(lines);
        out.flush();
        if (progress != null) {
            progress.finish();
        }
        return exit;
    }

    private int runHere(LineReader lines) throws IOException {
        int exit = Main.OK;
        Chunk chunk;
        while ((chunk = lines.nextChunk()) != null) {
            Answered answered = answer(chunk);
            exit = Math.max(exit, answered.exit());
            emit(answered);
        }
        return exit;
    }

    private int runOnWorkers(LineReader lines) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "jsonl-worker");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<Answered>> inFlight = new ArrayDeque<>();
        int maxInFlight = 4 * threads;
        int exit = Main.OK;
        try {
            Chunk chunk;
            while ((chunk = lines.nextChunk()) != null) {
                Chunk work = chunk;
                inFlight.add(workers.submit(() -> answer(work)));
                while (inFlight.size() >= maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    exit = Math.max(exit, emit(await(inFlight.poll())));
                }
            }
            while (!inFlight.isEmpty()) {
                exit = Math.max(exit, emit(await(inFlight.poll())));
            }
        } finally {
            workers.shutdownNow();
        }
        return exit;
    }

    private int emit(Answered answered) throws IOException {
        out.write(answered.bytes());
        if (progress != null) {
            progress.add(answered.lines());
        }
        return answered.exit();
    }

    private static Answered await(Future<Answered> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while answering a batch");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Lines read from the input; {@code tooLong[i]} marks a line cut at {@link #MAX_LINE_BYTES}. */
    record Chunk(int firstLine, List<byte[]> lines, boolean[] tooLong) {
    }

    /** The answers of one chunk, as output bytes with a newline after each line. */
    record Answered(byte[] bytes, int lines, int exit) {
    }

    private Answered answer(Chunk chunk) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk.lines().size() * 2048);
        int exit = Main.OK;
        for (int i = 0; i < chunk.lines().size(); i++) {
            int number = chunk.firstLine() + i;
            int size = bytes.size();
            try {
                answer(chunk.lines().get(i), chunk.tooLong()[i], bytes);
            } catch (InvalidSituationException e) {
                bytes.reset(size);
                AdviceJson.write(e, number, bytes);
                exit = Math.max(exit, Main.BAD_INPUT);
            } catch (AdviceException e) {
                bytes.reset(size);
                AdviceJson.writeInternalError("the rules gave no answer: " + e.getMessage(), number, bytes);
                exit = Main.INTERNAL_ERROR;
            }
            bytes.write('\n');
        }
        return new Answered(bytes.toByteArray(), chunk.lines().size(), exit);
    }

    private void answer(byte[] line, boolean tooLong, ByteArrayOutputStream bytes) {
        if (tooLong) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "the line is longer than " + MAX_LINE_BYTES + " bytes; a situation fits in far less");
        }
        if (line.length == 0) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "empty line; expected one JSON object per line");
        }
        Situation situation = SituationJson.read(line);
        boolean clockFree = situation.interviewDate() == null || situation.today() != null;
        byte[] known = answers != null && clockFree ? answers.getIfPresent(situation) : null;
        if (known != null) {
            bytes.write(known, 0, known.length);
            return;
        }
        int start = bytes.size();
        Advice advice = advisor.advise(situation);
        AdviceJson.write(advice, situation, bytes);
        if (answers != null && clockFree) {
            answers.put(situation, bytes.copyFrom(start));
        }
    }

    /** A ByteArrayOutputStream that can drop what a failed line had written. */
    private static final class ByteArrayOutputStream extends java.io.ByteArrayOutputStream {
        ByteArrayOutputStream(int size) {
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
     * on its own. Scans its own buffer: no per-byte call into the stream.
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
        boolean lastTooLong;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** Up to {@link #CHUNK_LINES} lines, or null at the end of the input. */
        Chunk nextChunk() throws IOException {
            List<byte[]> lines = new ArrayList<>(CHUNK_LINES);
            boolean[] tooLong = new boolean[CHUNK_LINES];
            int first = lineNumber + 1;
            byte[] line;
            while (lines.size() < CHUNK_LINES && (line = next()) != null) {
                tooLong[lines.size()] = lastTooLong;
                lines.add(line);
            }
            return lines.isEmpty() ? null : new Chunk(first, lines, tooLong);
        }

        /** The next line without its terminator, or null at the end of the input. */
        byte[] next() throws IOException {
            partial.reset();
            partialTooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    if (ended || !fill()) {
                        if (!any) {
                            return null;
                        }
                        return finish(null, 0, 0);
                    }
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
                lastTooLong = line.length > MAX_LINE_BYTES;
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
