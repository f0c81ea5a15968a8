package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.json.JsonlBatch;
import dev.connectadvisor.internal.verify.VerifyReport;

/** The exit codes of the command line. */
public enum ExitCode {
    /** All well. */
    OK(0),
    /** {@code verify}: a check failed. */
    VERIFY_FAILED(1),
    /** Bad input or usage; for a batch, at least one bad line. */
    BAD_INPUT(2),
    /** The rules do not compile. */
    RULES_BROKEN(3),
    /** An internal error: the rules gave no answer, or a defect of the tool. */
    INTERNAL_ERROR(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }

    /** A batch's exit: 70 if the rules failed on a line, else 2 if a line was bad, else 0. */
    static ExitCode of(JsonlBatch.Result batch) {
        return batch.failed() > 0 ? INTERNAL_ERROR : batch.rejected() > 0 ? BAD_INPUT : OK;
    }

    /** verify's exit. */
    static ExitCode of(VerifyReport report) {
        return switch (report.outcome()) {
            case PASSED -> OK;
            case FAILED -> VERIFY_FAILED;
            case RULES_BROKEN -> RULES_BROKEN;
        };
    }
}
