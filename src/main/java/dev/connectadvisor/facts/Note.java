package dev.connectadvisor.facts;

/**
 * What the draft note says, as the note rules read it (docs/policy.md, "Note findings").
 * The text matching (Unicode normalisation, whole words, name spelling) is done once in
 * Java; the rules decide which findings apply in which phase.
 *
 * @param length the length in code points
 * @param generic blank, or nothing but LinkedIn's stock invitation text
 * @param nameGiven an interviewerName with at least one word of two letters or more was given
 * @param nameMissing no word of the name stands in the note as it is spelled
 * @param nameMisspelled a word of the note is a near miss of a word of the name
 * @param mentionsMeeting a word or phrase about meeting them (interview, meet, talk, ...)
 * @param mentionsThanks a word of thanks (thank, thanks, appreciate, grateful, ...)
 * @param misspelledWord the first word of the note that is a near miss of a name word, or null
 * @param misspelledName the name word it is a near miss of, or null
 */
public record Note(int length, boolean generic, boolean nameGiven, boolean nameMissing,
                   boolean nameMisspelled, boolean mentionsMeeting, boolean mentionsThanks,
                   String misspelledWord, String misspelledName) {
}
