package dev.connectadvisor.facts;

import dev.connectadvisor.NoteCode;

/** A note finding, inserted by a rule in {@code rules/note-checks.drl}. */
public record NoteIssue(NoteCode code, String item) {
}
