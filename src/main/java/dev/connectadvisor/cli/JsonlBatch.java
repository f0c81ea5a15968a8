package dev.connectadvisor.cli;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Situation;
import dev.connectadvisor.json.AdviceJson;
import dev.connectadvisor.json.SituationJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code advise --jsonl}: one Situation per input line, one Advice or Error per output line, in
 * order. Every line is answered, a bad one included; memory stays bounded whatever the input
 * size, since lines are read and answered one at a time.
 */
final class JsonlBatch {
    /** A line longer than this is answered with an error, without being held in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final ConnectAdvisor advisor;
    private final PrintStream out;

    JsonlBatch(ConnectAdvisor advisor, PrintStream out) {
        this.advisor = advisor;
        this.out = out;
    }

    /** Answers every line; returns 0, or 2 if a line was bad, or 70 if the rules failed on a line. */
    int run(InputStream input) throws IOException {
        LineReader lines = new LineReader(new BufferedInputStream(input, 1 << 16));
        int exit = Main.OK;
        int number = 0;
        byte[] line;
        while ((line = lines.next()) != null) {
            number++;
            String answer;
            try {
                answer = answer(line, lines.lastTooLong);
            } catch (InvalidSituationException e) {
                answer = AdviceJson.toJson(e, number);
                exit = Math.max(exit, Main.BAD_INPUT);
            } catch (AdviceException e) {
                answer = AdviceJson.internalError("the rules gave no answer: " + e.getMessage(), number);
                exit = Main.INTERNAL_ERROR;
            }
            out.println(answer);
        }
        out.flush();
        return exit;
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
        Advice advice = advisor.advise(situation);
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
