package dev.connectadvisor;

/**
 * The rules could not give an answer for a valid situation: a defect in the rules, never in the
 * input. The advisor stays usable for the next call.
 */
public final class AdviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why no answer came. */
    public enum Kind {
        /** No verdict rule matched: a gap in the policy rules. */
        NO_VERDICT,
        /** More than one verdict rule fired. */
        SEVERAL_VERDICTS,
        /** The rules kept firing past the firing limit (rules that re-trigger each other). */
        TOO_MANY_FIRINGS,
        /** A rule's consequence threw. */
        RULE_FAILED,
        /** A rule cited an item that the guide does not have. */
        UNKNOWN_ITEM,
        /**
         * No answer within the advisor's time limit ({@link ConnectAdvisor#withTimeout}): a
         * consequence stuck in Java code; {@link #rule()} names the rule that was running.
         */
        TIMEOUT
    }

    private final Kind kind;
    private final String rule;

    public AdviceException(Kind kind, String rule, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    /** The rule at fault, where one is known; else null. */
    public String rule() {
        return rule;
    }
}
