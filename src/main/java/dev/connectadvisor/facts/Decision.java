package dev.connectadvisor.facts;

import dev.connectadvisor.Verdict;

/**
 * The verdict of one policy row, inserted by the rule that implements the row.
 * Exactly one is inserted per situation; the advice lists match on it.
 *
 * @param row the policy row, e.g. {@code B9}
 * @param verdict the verdict of the row
 * @param actInDays in how many days to act, or null where the policy gives none
 * @param summary one plain sentence for the person
 */
public record Decision(String row, Verdict verdict, Integer actInDays, String summary) {
}
