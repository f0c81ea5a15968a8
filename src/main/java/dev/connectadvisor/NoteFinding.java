package dev.connectadvisor;

import java.util.Objects;

/**
 * A problem found in the draft note.
 *
 * @param code what was found
 * @param item the guide item that the note falls short of
 * @param rule the rule that found it
 * @param text what to change, in plain words
 */
public record NoteFinding(NoteCode code, String item, String rule, String text) {
    public NoteFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }
}
