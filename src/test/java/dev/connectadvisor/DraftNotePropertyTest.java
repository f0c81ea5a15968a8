package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.SituationSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The suggested note passes its own checks: on every valid situation of the exhaustive space
 * (without a note of the person's own), crossed with names that stretch the note checks (accents,
 * hyphens, apostrophes, titles, common words, letters outside the Basic Multilingual Plane, the
 * longest names the contract allows) and with no, typical and longest topics, roles, companies and
 * signatures, the draft, fed back as the note, gets no note finding at all and stays within
 * maxNoteChars (300); and there is a draft exactly for CONNECT and FOLLOW_UP.
 */
class DraftNotePropertyTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath().withCache(false);
    private static final int MAX_NOTE_CHARS = 300;

    private static final List<String> NAMES = java.util.Arrays.asList(
            null,
            "Sarah Lee",
            "José Núñez",
            "Anne-Marie O'Neill",
            "D'Arcy Zoë Ångström-Berg",
            "Dr. Grace Hopper",
            "J. Will Smith",
            "𠮷田 花子 𐐷𐐯𐑌",
            "Bartholomew-" + "Alexandrina-".repeat(13) + "Lee",
            "Sarah " + "Montgomery".repeat(19));

    /** Topic, role, company and your name: none, typical, and each at its longest. */
    private static final List<List<String>> EXTRAS = List.of(
            java.util.Arrays.asList(null, null, null, null),
            List.of("the streaming platform", "Data Engineer", "Acme", "Alex Kim"),
            List.of("x".repeat(5) + " data quality at scale ".repeat(8), "Senior Staff Engineer ".repeat(4) + "Lead",
                    "Acme Research and Development ".repeat(3) + "Inc", "Sara " + "Connor-".repeat(12) + "Smith"));

    @Test
    void theDraft_fedBackAsTheNote_getsNoFinding_andFits() {
        List<Situation> drafting = new ArrayList<>();
        List<Situation> silent = Collections.synchronizedList(new ArrayList<>());
        SituationSpace.walk(s -> {
            if (s.note() == null) {
                Verdict verdict = ADVISOR.advise(s).verdict();
                (verdict == Verdict.CONNECT || verdict == Verdict.FOLLOW_UP ? drafting : silent).add(s);
            }
        });
        AtomicLong checked = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        drafting.parallelStream().forEach(base -> {
            for (String name : NAMES) {
                for (List<String> extra : EXTRAS) {
                    Situation s = base.toBuilder().interviewerName(name).topic(extra.get(0)).role(extra.get(1))
                            .company(extra.get(2)).yourName(extra.get(3)).build();
                    Advice advice = ADVISOR.advise(s);
                    String draft = advice.draftNote();
                    Advice fedBack = draft == null ? null : ADVISOR.advise(s.toBuilder().note(draft).build());
                    checked.incrementAndGet();
                    if (draft == null || draft.codePointCount(0, draft.length()) > MAX_NOTE_CHARS
                            || !fedBack.noteFindings().isEmpty()) {
                        if (failures.size() < 10) {
                            failures.add(s + " -> " + draft + " -> "
                                    + (fedBack == null ? "no draft" : fedBack.noteFindings()));
                        }
                    }
                }
            }
        });
        silent.parallelStream().limit(5_000).forEach(s -> {
            if (ADVISOR.advise(s).draftNote() != null) {
                failures.add("a draft for " + ADVISOR.advise(s).verdict() + ": " + s);
            }
        });

        System.out.printf("RELIABILITY draft notes: %d drafts (%d situations x %d names x %d sets of details) fed back"
                + " as the note, %d failures%n", checked.get(), drafting.size(), NAMES.size(), EXTRAS.size(), failures.size());
        assertThat(drafting).hasSizeGreaterThan(1_000);
        assertThat(failures).isEmpty();
    }
}
