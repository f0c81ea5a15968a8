package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.situation.Field;
import dev.connectadvisor.internal.situation.SituationFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The common one-shot call, {@code advise} with situation flags (and {@code --json},
 * {@code --debug}), parsed without picocli. Picocli's classes are compiled for Java 5, so the JVM
 * can neither archive them for class-data sharing nor verify them quickly: building its command
 * model costs about a quarter of a cold start. Anything else (help, --input, --jsonl, --rules,
 * a repeated flag, a value that looks like an option, an unknown flag) returns null and goes to
 * picocli, so both paths answer the same (a test compares them).
 */
public final class QuickAdvise {
    private static final Pattern NEGATIVE_INTEGER = Pattern.compile("-[0-9]+");

    private QuickAdvise() {
    }

    /** Every option name the quick path understands. */
    static java.util.Set<String> optionNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        SituationFields.ALL.forEach(f -> names.add(f.flag().option()));
        names.add("--json");
        names.add("--debug");
        return names;
    }

    /** The situation flags by field, in the contract's order; null when picocli must parse the arguments. */
    static Parsed parse(String[] args) {
        return parse(args, SituationFields.ALL);
    }

    /** As {@link #parse(String[])}, for a Situation of these fields (the field guard test adds one). */
    public static Parsed parse(String[] args, List<Field> fields) {
        if (args.length < 2 || !"advise".equals(args[0])) {
            return null;
        }
        Map<String, String> given = new LinkedHashMap<>();
        boolean json = false;
        boolean debug = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ("--json".equals(arg) || "--debug".equals(arg)) {
                boolean seen = "--json".equals(arg) ? json : debug;
                if (seen) {
                    return null;
                }
                json |= "--json".equals(arg);
                debug |= "--debug".equals(arg);
            } else {
                Field field = SituationFields.byOption(arg, fields).orElse(null);
                if (field == null) {
                    return null;
                }
                String value;
                if (field.flag().isSwitch()) {
                    value = String.valueOf(field.flag().sets());
                } else {
                    if (i + 1 >= args.length) {
                        return null;
                    }
                    value = args[++i];
                    if (value.startsWith("-") && !NEGATIVE_INTEGER.matcher(value).matches()) {
                        return null;
                    }
                }
                if (given.putIfAbsent(field.name(), value) != null) {
                    return null;
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Field field : fields) {
            if (given.containsKey(field.name())) {
                ordered.put(field.name(), given.get(field.name()));
            }
        }
        return new Parsed(ordered, json, debug);
    }

    /** Arguments the quick path can answer. */
    public record Parsed(Map<String, String> flags, boolean json, boolean debug) {
    }
}
