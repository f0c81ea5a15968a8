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
 * case-insensitive except for names, lengths in code points; with the words of the rules
 * folder's {@code note-words.csv} (titles, common words, meeting and thanks words, the stock text).
 */
public final class NoteReader {
    /** Words for the general checks: letters and digits, apostrophes inside (I'd, you're). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:'[\\p{L}\\p{M}\\p{N}]+)*");
    /** Words for the name checks: an apostrophe splits (O'Brien, Sarah's). */
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u02BC\u2032`\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words after a greeting that may be the addressee's name: "Hi Dr Sarah Lee". */
    private static final int MAX_NAME_WORDS = 3;

    private final Set<String> titles;
    private final Set<String> common;
    private final Set<String> meetingWords;
    private final List<List<String>> meetingPhrases;
    private final Set<String> thanksWords;
    private final List<List<String>> thanksPhrases;
    private final Set<String> greetings;
    private final List<String> stock;
    private final List<List<String>> stockEnds;

    public NoteReader(NoteWords words) {
        this.titles = words.words("title");
        this.common = words.words("common");
        this.meetingWords = words.words("meeting");
        this.meetingPhrases = words.phrases("meeting");
        this.thanksWords = words.words("thanks");
        this.thanksPhrases = words.phrases("thanks");
        this.greetings = words.words("greeting");
        List<List<String>> stocks = words.phrases("stock");
        this.stock = stocks.isEmpty() ? List.of() : lower(tokens(WORD, normalize(String.join(" ", stocks.get(0)))));
        List<List<String>> ends = new ArrayList<>(words.phrases("stock-end"));
        words.words("stock-end").forEach(w -> ends.add(List.of(w)));
        this.stockEnds = ends;
    }

    /** What a note says, for the note rules; {@code interviewerName} may be null. */
    public Note read(String note, String interviewerName) {
        String text = normalize(note);
        List<String> words = lower(tokens(WORD, text));
        List<String> noteNameWords = tokens(NAME_WORD, text);
        List<String> nameWords = nameWords(interviewerName);
        boolean nameGiven = !nameWords.isEmpty();
        boolean nameMissing = nameGiven && nameWords.stream().noneMatch(noteNameWords::contains);
        String misspelled = null;
        String misspelledName = null;
        if (nameGiven) {
            for (String word : noteNameWords) {
                if (nameWords.contains(word)) {
                    continue;
                }
                for (String name : nameWords) {
                    if (nearMiss(word, name) && !isCommonSpelling(word, name)) {
                        misspelled = word;
                        misspelledName = name;
                        break;
                    }
                }
                if (misspelled != null) {
                    break;
                }
            }
        }
        return new Note(text.codePointCount(0, text.length()), isGeneric(words, lower(nameWords)), nameGiven,
                nameMissing, misspelled != null, mentions(words, meetingWords, meetingPhrases),
                mentions(words, thanksWords, thanksPhrases), misspelled, misspelledName);
    }

    /** The words of a name that the checks use: two letters or more, not a title; none when null. */
    public List<String> nameWords(String interviewerName) {
        if (interviewerName == null) {
            return List.of();
        }
        return tokens(NAME_WORD, normalize(interviewerName)).stream()
                .filter(w -> w.codePointCount(0, w.length()) >= 2)
                .filter(w -> !titles.contains(w.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** A common lowercase word spelled as such ("will" for the name Will): neither the name nor a misspelling. */
    private boolean isCommonSpelling(String word, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return common.contains(lower) && word.equals(lower);
    }

    static String normalize(String s) {
        String nfc = belowCombiningMarks(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        return APOSTROPHES.matcher(nfc).replaceAll("'");
    }

    /**
     * True when every char is below U+0300, where the combining marks begin: such a text is
     * already in NFC (no code point below U+0300 changes under NFC, and only a combining mark
     * composes with what comes before it), so the JDK's normaliser, whose Unicode data cost a
     * cold start about 10 ms, is not needed for it.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /**
     * Blank (no word of letters or digits), or the stock invitation with nothing but a greeting,
     * the name or the stock ending around it. Without an interviewerName, the words after a
     * greeting ("Hi Sarah Lee,") count as the name.
     */
    private boolean isGeneric(List<String> words, List<String> nameWords) {
        if (words.isEmpty()) {
            return true;
        }
        if (stock.isEmpty()) {
            return false;
        }
        List<String> rest = new ArrayList<>(words);
        rest.removeIf(nameWords::contains);
        int start = Collections.indexOfSubList(rest, stock);
        if (start < 0) {
            return false;
        }
        List<String> before = rest.subList(0, start);
        List<String> after = rest.subList(start + stock.size(), rest.size());
        boolean greetingOnly = before.stream().allMatch(greetings::contains)
                || (greetings.contains(before.get(0)) && before.size() <= 1 + MAX_NAME_WORDS);
        return greetingOnly && (after.isEmpty() || stockEnds.contains(after));
    }

    private static boolean mentions(List<String> words, Set<String> singles, List<List<String>> phrases) {
        if (words.stream().anyMatch(singles::contains)) {
            return true;
        }
        for (List<String> phrase : phrases) {
            if (Collections.indexOfSubList(words, phrase) >= 0) {
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
