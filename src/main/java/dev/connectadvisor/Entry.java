package dev.connectadvisor;

import java.util.Objects;

/**
 * One piece of advice (a reason, step, benefit, risk or alternative), traced to the guide
 * item it comes from and the rule that gave it.
 *
 * @param item the guide item ID, e.g. {@code TIP-1}
 * @param rule the name of the rule that produced the entry
 * @param text the advice in plain words
 */
public record Entry(String item, String rule, String text) {
    public Entry {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }
}
