package dev.connectadvisor.internal.policy;

/**
 * What a diagnostic rule of the companion rule base inserts: a cell of the verdict table held
 * for the situation, or (column 0) its whole row did.
 *
 * @param rank the row's place in the table, from 1 (the priority order)
 * @param column the 1-based column of the cell (A = 1), or 0 for the whole row
 */
public record Held(int rank, int column) {
}
