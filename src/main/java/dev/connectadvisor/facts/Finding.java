package dev.connectadvisor.facts;

/**
 * One entry of an advice list, inserted by a rule's consequence. The engine adds the rule's
 * name and the item's text. {@code rank} orders lists whose order is not the item order
 * (reasons, steps); the other lists are sorted by item.
 */
public record Finding(Kind kind, String item, int rank) {

    /** Which advice list the entry goes to. */
    public enum Kind { REASON, STEP, BENEFIT, RISK, ALTERNATIVE }

    /** The decisive reason of a verdict rule (comes first). */
    public static Finding reason(String item) {
        return new Finding(Kind.REASON, item, 0);
    }

    /** A further reason, after the decisive one. */
    public static Finding reason(int rank, String item) {
        return new Finding(Kind.REASON, item, rank);
    }

    /** A step; steps are listed by rank, then by the order the rules gave them. */
    public static Finding step(int rank, String item) {
        return new Finding(Kind.STEP, item, rank);
    }

    public static Finding benefit(String item) {
        return new Finding(Kind.BENEFIT, item, 0);
    }

    public static Finding risk(String item) {
        return new Finding(Kind.RISK, item, 0);
    }

    public static Finding alternative(String item) {
        return new Finding(Kind.ALTERNATIVE, item, 0);
    }
}
