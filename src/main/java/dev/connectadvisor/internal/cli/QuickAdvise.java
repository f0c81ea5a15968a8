package dev.connectadvisor.internal.cli;

import dev.connectadvisor.internal.json.Fields;
import java.util.LinkedHashMap;
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
final class QuickAdvise {
    /** A value flag's option name, and the field it sets, in the contract's order. */
    private static final Map<String, String> VALUE_FLAGS = Map.of(
            "--days-until-interview", "daysUntilInterview",
            "--interview-date", "interviewDate",
            "--today", "today",
            "--prior-request", "priorRequest",
            "--follow-ups-sent", "followUpsSent",
            "--interviewer-name", "interviewerName",
            "--note", "note");
    /** A boolean flag's option name, and the field and value it sets. */
    private static final Map<String, String[]> BOOLEAN_FLAGS = Map.of(
            "--not-direct-interviewer", new String[] {"directInterviewer", "false"},
            "--existing-relationship", new String[] {"existingRelationship", "true"},
            "--referral", new String[] {"hasReferral", "true"},
            "--told-not-to-connect", new String[] {"toldNotToConnect", "true"},
            "--profile-outdated", new String[] {"profileUpToDate", "false"},
            "--application-rejected", new String[] {"applicationRejected", "true"},
            "--hesitant", new String[] {"interviewerSeemedHesitant", "true"});
    private static final Pattern NEGATIVE_INTEGER = Pattern.compile("-[0-9]+");

    private QuickAdvise() {
    }

    /** Every option name the quick path understands. */
    static java.util.Set<String> optionNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(VALUE_FLAGS.keySet());
        names.addAll(BOOLEAN_FLAGS.keySet());
        names.add("--json");
        names.add("--debug");
        return names;
    }

    /** The situation flags by field, in the contract's order; null when picocli must parse the arguments. */
    static Parsed parse(String[] args) {
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
            } else if (BOOLEAN_FLAGS.containsKey(arg)) {
                String[] set = BOOLEAN_FLAGS.get(arg);
                if (given.putIfAbsent(set[0], set[1]) != null) {
                    return null;
                }
            } else if (VALUE_FLAGS.containsKey(arg)) {
                if (i + 1 >= args.length) {
                    return null;
                }
                String value = args[++i];
                if (value.startsWith("-") && !NEGATIVE_INTEGER.matcher(value).matches()) {
                    return null;
                }
                if (given.putIfAbsent(VALUE_FLAGS.get(arg), value) != null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : Fields.NAMES) {
            if (given.containsKey(field)) {
                ordered.put(field, given.get(field));
            }
        }
        return new Parsed(ordered, json, debug);
    }

    /** Arguments the quick path can answer. */
    record Parsed(Map<String, String> flags, boolean json, boolean debug) {
    }
}
