package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.DraftTemplate;
import dev.connectadvisor.facts.Note;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the template the rules chose ({@link DraftTemplate}) with the situation's names, so that
 * the note passes every note check for the situation: not generic, with the name as spelled and
 * no near miss of it, a word of meeting before the interview or of thanks after it, and no longer
 * than {@code maxNoteChars}. Where it would fail, the optional parts go in the policy's order:
 * the topic, then the role and company, then the signature.
 */
final class DraftWriter {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** What may go, first to last; the interviewer's name never does. */
    private static final List<Set<String>> DROP_ORDER = List.of(Set.of("topic"), Set.of("role", "company"),
            Set.of("yourName"));
    private static final Pattern EDGE = Pattern.compile("^[^\\p{L}\\p{M}\\p{N}]+|[^\\p{L}\\p{M}\\p{N}]+$");

    private final NoteReader reader;

    DraftWriter(NoteReader reader) {
        this.reader = reader;
    }

    /**
     * @param sentAfter the note goes out after the interview
     * @param maxChars the longest note, in code points
     */
    String write(DraftTemplate template, Situation situation, boolean sentAfter, int maxChars) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "name", firstNameWord(situation.interviewerName()));
        put(values, "yourName", situation.yourName());
        put(values, "company", situation.company());
        put(values, "role", situation.role());
        put(values, "topic", situation.topic());
        Set<String> dropped = new LinkedHashSet<>();
        String text = compose(template, values, dropped);
        for (Set<String> group : DROP_ORDER) {
            if (passes(text, situation.interviewerName(), sentAfter, maxChars)) {
                return text;
            }
            dropped.addAll(group);
            text = compose(template, values, dropped);
        }
        return text;
    }

    private boolean passes(String text, String interviewerName, boolean sentAfter, int maxChars) {
        Note note = reader.read(text, interviewerName);
        return note.length() <= maxChars && !note.generic() && !note.nameMissing() && !note.nameMisspelled()
                && (sentAfter ? note.mentionsThanks() : note.mentionsMeeting());
    }

    private static String compose(DraftTemplate template, Map<String, String> values, Set<String> dropped) {
        StringBuilder text = new StringBuilder();
        for (String part : template.parts()) {
            for (String alternative : part.split("\\|", -1)) {
                Matcher names = PLACEHOLDER.matcher(alternative);
                boolean given = true;
                while (names.find()) {
                    given &= values.containsKey(names.group(1)) && !dropped.contains(names.group(1));
                }
                if (given) {
                    text.append(PLACEHOLDER.matcher(alternative)
                            .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1)))));
                    break;
                }
            }
        }
        return text.toString().strip();
    }

    /** The interviewer's first word that holds a name word (two letters or more, not a title), as written. */
    private String firstNameWord(String interviewerName) {
        if (interviewerName == null) {
            return null;
        }
        for (String word : interviewerName.strip().split("\\s+")) {
            String trimmed = EDGE.matcher(word).replaceAll("");
            if (!trimmed.isEmpty() && !reader.nameWords(trimmed).isEmpty()) {
                return trimmed;
            }
        }
        return null;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip().replaceAll("\\s+", " "));
        }
    }
}
