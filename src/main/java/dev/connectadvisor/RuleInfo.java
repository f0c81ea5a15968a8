package dev.connectadvisor;

import java.util.List;

/**
 * A rule of the loaded rule base, with its metadata.
 *
 * @param name the rule's name
 * @param items the guide items it cites ({@code @item}); empty if it has none
 * @param row the policy row it decides ({@code @row}), or null for a rule that decides no verdict
 */
public record RuleInfo(String name, List<String> items, String row) {
    public RuleInfo {
        items = List.copyOf(items);
    }
}
