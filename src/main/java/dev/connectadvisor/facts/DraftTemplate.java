package dev.connectadvisor.facts;

import java.util.List;

/**
 * The wording of a suggested note, inserted by a rule of {@code rules/draft-notes.drl}: parts that
 * are joined in order. A part may name the situation's {@code {name}} (the interviewer's first
 * name word), {@code {yourName}}, {@code {company}}, {@code {role}} and {@code {topic}}; it is left
 * out when one it names is not given. A part may offer alternatives separated by {@code |}: the
 * first whose names are all given is used ({@code "Hi {name},|Hello,"}). When the note would be
 * too long, or would fail a note check, the parts naming the topic go first, then those naming
 * the role or the company, then the signature; the interviewer's name stays.
 *
 * <pre>{@code
 * insert(DraftTemplate.of("Hi {name},|Hello,", " I look forward to our interview", " for the {role} role", "."));
 * }</pre>
 *
 * @param parts the parts, in order
 */
public record DraftTemplate(List<String> parts) {
    public DraftTemplate {
        parts = List.copyOf(parts);
    }

    /** A template of these parts. */
    public static DraftTemplate of(String... parts) {
        return new DraftTemplate(List.of(parts));
    }
}
