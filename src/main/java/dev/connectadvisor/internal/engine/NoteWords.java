package dev.connectadvisor.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The vocabulary of the note checks, as the rules folder's {@code note-words.csv} gives it: each
 * entry a word (or a phrase of words) and its kind.
 *
 * @param entries the words and phrases, with their kinds, in file order
 */
public record NoteWords(List<Entry> entries) {
    /** The kinds a word may have. */
    public static final List<String> KINDS = List.of("title", "common", "meeting", "thanks", "greeting", "stock",
            "stock-end");

    /**
     * One word or phrase.
     *
     * @param text as written
     * @param kind one of {@link #KINDS}
     */
    public record Entry(String text, String kind) {
    }

    public NoteWords {
        entries = List.copyOf(entries);
    }

    /** The single words of a kind, in lower case. */
    Set<String> words(String kind) {
        Set<String> words = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.kind().equals(kind) && entry.text().strip().indexOf(' ') < 0) {
                words.add(entry.text().strip().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The phrases (two or more words) of a kind, each as its lower-case words. */
    List<List<String>> phrases(String kind) {
        List<List<String>> phrases = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.kind().equals(kind) && entry.text().strip().indexOf(' ') >= 0) {
                phrases.add(List.of(entry.text().strip().toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        return phrases;
    }
}
