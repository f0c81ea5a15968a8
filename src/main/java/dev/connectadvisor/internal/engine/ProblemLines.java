package dev.connectadvisor.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faulty line of a DRL problem where Drools reports a coarser one. The DRL parser gives the
 * exact line and column of a syntax error, but two kinds of problem come back at the start of
 * their construct: a constraint that does not analyse (at the pattern's first line) and a
 * consequence that does not compile as Java (at the rule's first line). Both messages name what
 * is wrong (the expression, or the method, variable or type), so that is looked for from the
 * reported line to the end of the rule, and the line where it stands is the problem's line. When
 * the message names nothing, or the name is not found, the reported line stays.
 */
final class ProblemLines {
    /** The expression of "Unable to Analyse Expression X:" (its first line). */
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*$", Pattern.MULTILINE);
    /** The names Java compiler messages put first: "The method x(int) is undefined", "x cannot be resolved", ... */
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("(?:field|type|variable) (\\w+) is (?:not visible|undefined)"),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("[Uu]nable to resolve ObjectType '([^']+)'"),
            Pattern.compile("Syntax error on token \"([^\"]+)\""),
            Pattern.compile("unable to resolve method using strict-mode: [\\w.$]+\\.(\\w+)\\(\\)"),
            Pattern.compile("[Uu]nknown field (\\w+)"));
    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");

    private ProblemLines() {
    }

    /** A line and a column, both 1-based. */
    record Position(int line, int column) {
    }

    /**
     * Where the problem stands in {@code source}: the line (and column) of the first occurrence,
     * from {@code reportedLine} to the rule's {@code end}, of what the message names; or the
     * reported position when the message names nothing found there.
     */
    static Position locate(String source, int reportedLine, int reportedColumn, String message) {
        Position reported = new Position(reportedLine, reportedColumn);
        if (message != null && message.startsWith("[ERR")) {
            // the parser's own position, exact; its column (0-based) is in the text only
            Matcher at = PARSER_POSITION.matcher(message);
            return reportedColumn == 0 && at.find() && Integer.parseInt(at.group(1)) == reportedLine
                    ? new Position(reportedLine, Integer.parseInt(at.group(2)) + 1) : reported;
        }
        if (source == null || reportedLine <= 0 || message == null) {
            return reported;
        }
        List<String> lines = source.lines().toList();
        if (reportedLine > lines.size()) {
            return reported;
        }
        Matcher expression = EXPRESSION.matcher(message);
        if (expression.find()) {
            Position found = find(lines, reportedLine, normalised(expression.group(1)), false, false);
            if (found != null) {
                return found;
            }
        }
        boolean consequence = message.startsWith("Rule Compilation error");
        for (String name : names(message)) {
            Position found = find(lines, reportedLine, name, true, consequence);
            if (found != null) {
                return found;
            }
        }
        return reported;
    }

    private static List<String> names(String message) {
        List<String> names = new ArrayList<>();
        for (Pattern pattern : NAMES) {
            Matcher m = pattern.matcher(message);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The first line from {@code from} (1-based) up to the rule's {@code end} holding {@code text}
     * (as a whole word when {@code word}); with {@code afterThen}, only in the consequence.
     */
    private static Position find(List<String> lines, int from, String text, boolean word, boolean afterThen) {
        if (text.isBlank()) {
            return null;
        }
        Pattern wanted = word ? Pattern.compile("(?<![\\w$])" + Pattern.quote(text) + "(?![\\w$])") : null;
        boolean inConsequence = !afterThen;
        for (int i = from - 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > from - 1 && END.matcher(line).matches()) {
                return null;
            }
            if (!inConsequence) {
                inConsequence = THEN.matcher(line).find();
                continue;
            }
            int at;
            if (word) {
                Matcher m = wanted.matcher(line);
                at = m.find() ? m.start() : -1;
            } else {
                at = normalisedIndex(line, text);
            }
            if (at >= 0) {
                return new Position(i + 1, at + 1);
            }
        }
        return null;
    }

    /** Runs of white space as one space, trimmed: Drools reports an expression so. */
    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Where {@code text} (normalised) starts in {@code line}, ignoring differences of white space; -1 if it does not. */
    private static int normalisedIndex(String line, String text) {
        StringBuilder pattern = new StringBuilder();
        for (String part : text.split(" ")) {
            if (pattern.length() > 0) {
                pattern.append("\\s*");
            }
            pattern.append(Pattern.quote(part));
        }
        Matcher m = Pattern.compile(pattern.toString()).matcher(line);
        return m.find() ? m.start() : -1;
    }
}
