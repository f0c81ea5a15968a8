package dev.connectadvisor.internal.engine;

import dev.connectadvisor.facts.Note;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a draft note the way the policy's matching rules say: NFC, one apostrophe, whole words,
 * case-insensitive except for names, lengths in code points.
 */
final class NoteReader {
    /** Words for the general checks: letters and digits, apostrophes inside (I'd, you're). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:'[\\p{L}\\p{M}\\p{N}]+)*");
    /** Words for the name checks: an apostrophe splits (O'Brien, Sarah's). */
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u02BC\u2032`\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Set<String> MEETING_WORDS = Set.of("interview", "meet", "meeting", "talk", "talking",
            "speak", "speaking", "chat", "conversation", "call");
    private static final List<List<String>> MEETING_PHRASES =
            List.of(List.of("look", "forward"), List.of("looking", "forward"), List.of("see", "you"));
    private static final Set<String> THANKS_WORDS =
            Set.of("thank", "thanks", "thankful", "appreciate", "appreciated", "grateful");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "dear", "greetings", "good",
            "morning", "afternoon", "evening", "mr", "mrs", "ms", "dr");
    private static final List<String> STOCK = List.of("i'd", "like", "to", "add", "you", "to", "my",
            "professional", "network");
    /** Words after a greeting that may be the addressee's name: "Hi Dr Sarah Lee". */
    private static final int MAX_NAME_WORDS = 3;
    private static final List<String> ON_LINKEDIN = List.of("on", "linkedin");

    private NoteReader() {
    }

    static Note read(String note, String interviewerName) {
        String text = normalize(note);
        List<String> words = lower(tokens(WORD, text));
        List<String> noteNameWords = tokens(NAME_WORD, text);
        List<String> nameWords = interviewerName == null ? List.of()
                : tokens(NAME_WORD, normalize(interviewerName)).stream()
                        .filter(w -> w.codePointCount(0, w.length()) >= 2).toList();
        boolean nameGiven = !nameWords.isEmpty();
        boolean nameMissing = nameGiven && nameWords.stream().noneMatch(noteNameWords::contains);
        boolean misspelled = nameGiven && noteNameWords.stream()
                .filter(w -> !nameWords.contains(w))
                .anyMatch(w -> nameWords.stream().anyMatch(n -> nearMiss(w, n)));
        return new Note(text.codePointCount(0, text.length()), isGeneric(words, lower(nameWords)), nameGiven,
                nameMissing, misspelled, mentions(words, MEETING_WORDS, MEETING_PHRASES),
                mentions(words, THANKS_WORDS, List.of()));
    }

    static String normalize(String s) {
        return APOSTROPHES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll("'");
    }

    /**
     * Blank, or the stock invitation with nothing but a greeting, the name or "on LinkedIn" around
     * it. Without an interviewerName, the words after a greeting ("Hi Sarah Lee,") count as the name.
     */
    private static boolean isGeneric(List<String> words, List<String> nameWords) {
        if (words.isEmpty()) {
            return true;
        }
        List<String> rest = new ArrayList<>(words);
        rest.removeIf(nameWords::contains);
        int start = Collections.indexOfSubList(rest, STOCK);
        if (start < 0) {
            return false;
        }
        List<String> before = rest.subList(0, start);
        List<String> after = rest.subList(start + STOCK.size(), rest.size());
        boolean greetingOnly = before.stream().allMatch(GREETINGS::contains)
                || (GREETINGS.contains(before.get(0)) && before.size() <= 1 + MAX_NAME_WORDS);
        return greetingOnly && (after.isEmpty() || after.equals(ON_LINKEDIN));
    }

    private static boolean mentions(List<String> words, Set<String> singles, List<List<String>> phrases) {
        if (words.stream().anyMatch(singles::contains)) {
            return true;
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (phrases.contains(words.subList(i, i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A near miss of a name word that is not the word itself: the same but for case or accents;
     * or with the same first letter, one edit from a name of five letters or more, or two edits
     * from one of seven or more.
     */
    static boolean nearMiss(String word, String name) {
        if (word.equals(name)) {
            return false;
        }
        if (fold(word).equals(fold(name))) {
            return true;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (w.codePointAt(0) != n.codePointAt(0)) {
            return false;
        }
        int nameLength = n.codePointCount(0, n.length());
        int distance = levenshtein(w, n);
        return (distance == 1 && nameLength >= 5) || (distance == 2 && nameLength >= 7);
    }

    private static String fold(String s) {
        String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return stripped.toLowerCase(Locale.ROOT);
    }

    /** Edit distance over code points. */
    static int levenshtein(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
