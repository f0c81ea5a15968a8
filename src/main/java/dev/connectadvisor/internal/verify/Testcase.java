package dev.connectadvisor.internal.verify;

import java.util.Objects;

/**
 * One thing {@code verify} checked, as CI reports show it (a JUnit testcase): a scenario row, a
 * check of the whole folder, or a mutation.
 *
 * @param suite the group it belongs to: a scenario table's file, {@code checks} or {@code mutations}
 * @param classname what CI shows as the class: the table's file for a row, the rule's file for a
 *     mutation, {@code verify} for a check
 * @param name the row's id, the check's name, or the rule's name
 * @param seconds how long it took
 * @param status passed, failed or skipped
 * @param message one line: what failed (expected against got) or why it was skipped; null when it passed
 * @param detail the longer text behind the message (the rules that fired, every problem); may be empty
 */
public record Testcase(String suite, String classname, String name, double seconds, Status status, String message,
        String detail) {

    /** How a testcase ended. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    public Testcase {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(classname, "classname");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static Testcase passed(String suite, String classname, String name, double seconds) {
        return new Testcase(suite, classname, name, seconds, Status.PASSED, null, "");
    }

    public static Testcase failed(String suite, String classname, String name, double seconds, String message,
            String detail) {
        return new Testcase(suite, classname, name, seconds, Status.FAILED, message, detail);
    }

    public static Testcase skipped(String suite, String classname, String name, String why) {
        return new Testcase(suite, classname, name, 0, Status.SKIPPED, why, "");
    }

    /** A check of the whole folder: passed when it found nothing, else failed with the findings as detail. */
    static Testcase check(String name, double seconds, java.util.List<String> findings, String one, String many) {
        if (findings.isEmpty()) {
            return passed(CHECKS, CHECK_CLASS, name, seconds);
        }
        return failed(CHECKS, CHECK_CLASS, name, seconds,
                findings.size() + " " + (findings.size() == 1 ? one : many), String.join("\n", findings));
    }

    /** The suite of the checks of the whole folder. */
    public static final String CHECKS = "checks";
    /** The classname of the checks. */
    public static final String CHECK_CLASS = "verify";
    /** The suite of the mutations. */
    public static final String MUTATIONS = "mutations";
}
