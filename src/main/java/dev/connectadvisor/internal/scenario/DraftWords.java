package dev.connectadvisor.internal.scenario;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a suggested note as a {@code draftNote} cell matches them: runs of letters and
 * digits, in Unicode NFC, regardless of case ({@code "Hi Sarah, I look forward"} has the words
 * {@code hi sarah i look forward}).
 */
final class DraftWords {
    private DraftWords() {
    }

    /** True for a token a cell may name: letters and digits only. */
    static boolean isWord(String token) {
        return !token.isEmpty() && token.codePoints().allMatch(Character::isLetterOrDigit);
    }

    /** A word as it is compared. */
    static String normal(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The words of a note; none for no note. */
    static List<String> of(String note) {
        if (note == null) {
            return List.of();
        }
        return Arrays.stream(normal(note).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
