package dev.connectadvisor.json;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * One Situation per input line, one Advice or Error per output line, in order: the line loop of
 * both {@code advise --jsonl} and {@code POST /v1/advice/batch}, so that the two answer byte for
 * byte alike. Every line is answered, a bad one included; memory stays bounded whatever the
 * input size, since lines are read and answered one at a time. Output is flushed whenever the
 * input pauses, so a caller that streams lines sees each answer without waiting for the end.
 *
 * <pre>{@code
 * int exit = new JsonlBatch(advisor::advise).run(System.in, System.out);
 * }</pre>
 */
public final class JsonlBatch {
    /** A line longer than this is answered with an error, without being held in memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /** Exit codes of {@link #run}: the CLI's. */
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 70;

    private final Function<Situation, Advice> advisor;
    private int linesRead;

    /** @param advisor gives the advice for one valid situation, e.g. {@code advisor::advise} */
    public JsonlBatch(Function<Situation, Advice> advisor) {
        this.advisor = advisor;
    }

    /**
     * Answers every line of {@code input} on {@code output} (each answer followed by {@code '\n'}),
     * and flushes at the end; closes neither stream.
     *
     * @return 0, or 2 if a line was bad, or 70 if the rules failed on a line
     * @throws IOException if a stream fails; the lines answered so far have been written
     */
    public int run(InputStream input, OutputStream output) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        OutputStream out = new BufferedOutputStream(output, 1 << 16);
        LineReader lines = new LineReader(in);
        int exit = OK;
        int number = 0;
        byte[] line;
        try {
            while ((line = lines.next()) != null) {
                number++;
                linesRead = number;
                String answer;
                try {
                    answer = answer(line, lines.lastTooLong);
                } catch (InvalidSituationException e) {
                    answer = AdviceJson.toJson(e, number);
                    exit = Math.max(exit, BAD_INPUT);
                } catch (AdviceException e) {
                    answer = AdviceJson.internalError("the rules gave no answer: " + e.getMessage(), number);
                    exit = INTERNAL_ERROR;
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } finally {
            // Every answer given so far goes out, even when the input fails midway.
            out.flush();
        }
        return exit;
    }

    /** How many lines {@link #run} has answered so far; when the input failed, the line it was reading is the next. */
    public int linesRead() {
        return linesRead;
    }

    private String answer(byte[] line, boolean tooLong) {
        if (tooLong) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "the line is longer than " + MAX_LINE_BYTES + " bytes; a situation fits in far less");
        }
        if (line.length == 0) {
            throw new InvalidSituationException(ErrorCode.MALFORMED_JSON, null,
                    "empty line; expected one JSON object per line");
        }
        Situation situation = SituationJson.read(line);
        Advice advice = advisor.apply(situation);
        return AdviceJson.toJson(advice, situation);
    }

    /** Splits bytes on '\n' (dropping a '\r' before it), so that each line is decoded, and judged, on its own. */
    static final class LineReader {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        boolean lastTooLong;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator, or null at the end of the input. */
        byte[] next() throws IOException {
            buffer.reset();
            lastTooLong = false;
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    return finish();
                }
                if (buffer.size() < MAX_LINE_BYTES) {
                    buffer.write(b);
                } else {
                    lastTooLong = true;
                }
            }
            return any ? finish() : null;
        }

        private byte[] finish() {
            byte[] bytes = buffer.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                bytes = Arrays.copyOf(bytes, bytes.length - 1);
            }
            return bytes;
        }
    }
}
