package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Entry;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Situation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Runs one row and compares what came out with what the row expects. */
final class Checker {
    private final List<String> mismatches = new ArrayList<>();

    private Checker() {
    }

    static ScenarioResult check(ScenarioRow row, Function<Situation, Advice> advisor) {
        Checker checker = new Checker();
        Advice advice = null;
        InvalidSituationException error = null;
        try {
            // advise() too may reject: an interviewDate is resolved against the advisor's clock.
            advice = advisor.apply(row.situation());
        } catch (InvalidSituationException e) {
            error = e;
        } catch (AdviceException e) {
            checker.mismatches.add("expected " + expectedOutcome(row.expected()) + ", got no advice: rules failed ("
                    + e.kind() + ": " + e.getMessage() + ")");
            return new ScenarioResult(row, checker.mismatches, null, null);
        }
        if (row.expected() instanceof ExpectedError expected) {
            checker.compareError(expected, advice, error);
        } else if (error != null) {
            checker.mismatches.add("expected " + expectedOutcome(row.expected()) + ", got error " + describe(error));
        } else {
            checker.compareAdvice((ExpectedAdvice) row.expected(), advice);
        }
        return new ScenarioResult(row, checker.mismatches, advice, error);
    }

    private static String expectedOutcome(Expectation expected) {
        return expected instanceof ExpectedAdvice a ? "verdict " + a.verdict() : "error " + expected;
    }

    private static String describe(InvalidSituationException e) {
        return e.code() + (e.field() == null ? "" : " " + e.field()) + " (" + e.getMessage() + ")";
    }

    private void compareError(ExpectedError expected, Advice advice, InvalidSituationException error) {
        if (error == null) {
            mismatches.add("expected error " + expected + ", got verdict " + advice.verdict());
        } else if (error.code() != expected.code() || !Objects.equals(error.field(), expected.field())) {
            mismatches.add("expected error " + expected + ", got error " + describe(error));
        }
    }

    private void compareAdvice(ExpectedAdvice expected, Advice advice) {
        if (advice.verdict() != expected.verdict()) {
            mismatches.add("expected verdict " + expected.verdict() + ", got " + advice.verdict());
        }
        if (!Objects.equals(advice.actInDays(), expected.actInDays())) {
            mismatches.add("expected actInDays " + expected.actInDays() + ", got " + advice.actInDays());
        }
        if (expected.actOn() != null && !expected.actOn().equals(advice.actOn())) {
            mismatches.add("expected actOn " + expected.actOn() + ", got " + advice.actOn());
        }
        String decisive = expected.decisiveItem();
        if (decisive != null && !decisive.equals(advice.decisiveItem())) {
            mismatches.add("expected decisive reason " + decisive + ", got " + advice.decisiveItem());
        }
        compare("reasons", expected.reasons(), items(advice.reasons()));
        compare("steps", expected.steps(), items(advice.steps()));
        compare("benefits", expected.benefits(), items(advice.benefits()));
        compare("risks", expected.risks(), items(advice.risks()));
        compare("alternatives", expected.alternatives(), items(advice.alternatives()));
        compare("noteFindings", expected.noteFindings(),
                advice.noteFindings().stream().map(NoteFinding::code).toList());
        if (!expected.draftNote().isEmpty()) {
            List<String> words = DraftWords.of(advice.draftNote());
            List<String> missing = expected.draftNote().present().stream().filter(w -> !words.contains(w)).toList();
            List<String> unwanted = expected.draftNote().absent().stream().filter(words::contains).toList();
            String got = advice.draftNote() == null ? "no suggested note" : "\"" + advice.draftNote() + "\"";
            if (!missing.isEmpty()) {
                mismatches.add("expected draftNote to contain the words " + spaced(missing) + ", got " + got);
            }
            if (!unwanted.isEmpty()) {
                mismatches.add("expected draftNote not to contain the words " + spaced(unwanted) + ", got " + got);
            }
        }
    }

    private <T> void compare(String list, Presence<T> expected, List<T> actual) {
        List<T> missing = expected.present().stream().filter(v -> !actual.contains(v)).toList();
        List<T> unwanted = expected.absent().stream().filter(actual::contains).toList();
        if (!missing.isEmpty()) {
            mismatches.add("expected " + list + " to contain " + spaced(missing) + ", got " + actual);
        }
        if (!unwanted.isEmpty()) {
            mismatches.add("expected " + list + " not to contain " + spaced(unwanted) + ", got " + actual);
        }
    }

    private static List<String> items(List<Entry> entries) {
        return entries.stream().map(Entry::item).toList();
    }

    private static String spaced(List<?> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }
}
