package dev.connectadvisor;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Fluent assertions on an {@link Advice}, named in the policy's words:
 * {@code assertThat(advice).hasVerdict(WAIT).actsIn(7).cites("TIP-1").warnsOf("CON-8")}.
 */
public final class AdviceAssert extends AbstractAssert<AdviceAssert, Advice> {
    private AdviceAssert(Advice actual) {
        super(actual, AdviceAssert.class);
    }

    public static AdviceAssert assertThat(Advice advice) {
        return new AdviceAssert(advice);
    }

    public AdviceAssert hasVerdict(Verdict verdict) {
        isNotNull();
        Assertions.assertThat(actual.verdict()).as("verdict of %s", actual.summary()).isEqualTo(verdict);
        return this;
    }

    /** {@code actInDays}; null for a verdict without a day. */
    public AdviceAssert actsIn(Integer days) {
        isNotNull();
        Assertions.assertThat(actual.actInDays()).as("actInDays").isEqualTo(days);
        return this;
    }

    /** The decisive item: the first reason. */
    public AdviceAssert isDecidedBy(String item) {
        isNotNull();
        Assertions.assertThat(actual.decisiveItem()).as("decisive item").isEqualTo(item);
        return this;
    }

    /** Items among the reasons. */
    public AdviceAssert cites(String... items) {
        return contains("reasons", actual.reasons(), items);
    }

    /** Items among the steps, in this order. */
    public AdviceAssert advisesSteps(String... items) {
        isNotNull();
        Assertions.assertThat(items(actual.steps())).as("steps").containsSubsequence(items);
        return this;
    }

    /** Items among the risks. */
    public AdviceAssert warnsOf(String... items) {
        return contains("risks", actual.risks(), items);
    }

    /** Items that are in none of the lists. */
    public AdviceAssert neverCites(String... items) {
        isNotNull();
        for (List<Entry> list : List.of(actual.reasons(), actual.steps(), actual.benefits(), actual.risks(),
                actual.alternatives())) {
            Assertions.assertThat(items(list)).as("advice lists").doesNotContain(items);
        }
        return this;
    }

    /** Note findings, by code. */
    public AdviceAssert findsInTheNote(NoteCode... codes) {
        isNotNull();
        Assertions.assertThat(actual.noteFindings()).extracting(NoteFinding::code).as("note findings").contains(codes);
        return this;
    }

    public AdviceAssert findsNothingInTheNote() {
        isNotNull();
        Assertions.assertThat(actual.noteFindings()).as("note findings").isEmpty();
        return this;
    }

    private AdviceAssert contains(String list, List<Entry> entries, String... items) {
        isNotNull();
        Assertions.assertThat(items(entries)).as(list).contains(items);
        return this;
    }

    private static List<String> items(List<Entry> entries) {
        return entries.stream().map(Entry::item).toList();
    }
}
