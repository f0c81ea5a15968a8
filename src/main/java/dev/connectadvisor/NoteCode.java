package dev.connectadvisor;

/** What a check of the draft note found (DECISION-POLICY.md, "Note findings"), in the policy's order. */
public enum NoteCode {
    NOTE_GENERIC("The note is blank or only LinkedIn's default text: write a few words of your own."),
    NOTE_TOO_LONG("The note is longer than an invitation allows: cut it down to the essentials."),
    NOTE_NAME_MISSING("The note does not use their name as it is spelled: address them by name."),
    NOTE_NAME_MISSPELLED("A word in the note looks like a misspelling of their name: check the spelling, accents and capitals."),
    NOTE_NO_MEETING("Before the interview, say that you look forward to meeting or talking with them."),
    NOTE_NO_THANKS("After the interview, thank them for their time.");

    private final String text;

    NoteCode(String text) {
        this.text = text;
    }

    /** What to change, in plain words. */
    public String text() {
        return text;
    }
}
