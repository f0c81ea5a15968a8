package dev.connectadvisor;

/**
 * What a check of the draft note found, in the policy's order; the words shown for each are rule
 * authors' data, in {@code rules/texts.csv}.
 */
public enum NoteCode {
    /** Blank, or nothing but LinkedIn's stock invitation. */
    NOTE_GENERIC,
    /** Longer than an invitation holds. */
    NOTE_TOO_LONG,
    /** Their name is not in it as they spell it. */
    NOTE_NAME_MISSING,
    /** A word looks like a misspelling of their name. */
    NOTE_NAME_MISSPELLED,
    /** Before the interview: no word about meeting them. */
    NOTE_NO_MEETING,
    /** After the interview: no word of thanks. */
    NOTE_NO_THANKS
}
