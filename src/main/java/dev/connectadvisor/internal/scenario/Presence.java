package dev.connectadvisor.internal.scenario;

import java.util.List;

/**
 * What one list cell asserts: values that must be present and values ({@code !ID}) that must
 * be absent. Never "exactly": values the cell does not name may come and go.
 *
 * @param present the values that must appear, in the cell's order
 * @param absent the values that must not appear
 * @param <T> item IDs ({@code String}) or {@link dev.connectadvisor.NoteCode}s
 */
public record Presence<T>(List<T> present, List<T> absent) {
    public Presence {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    /** A blank cell: asserts nothing. */
    public static <T> Presence<T> none() {
        return new Presence<>(List.of(), List.of());
    }

    /** True for a blank cell. */
    public boolean isEmpty() {
        return present.isEmpty() && absent.isEmpty();
    }
}
