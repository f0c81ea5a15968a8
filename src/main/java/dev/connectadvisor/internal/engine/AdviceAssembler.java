package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.AdviceException;
import dev.connectadvisor.Entry;
import dev.connectadvisor.GuideItem;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.NoteFinding;
import dev.connectadvisor.Phase;
import dev.connectadvisor.Situation;
import dev.connectadvisor.facts.Decision;
import dev.connectadvisor.facts.Finding;
import dev.connectadvisor.facts.NoteIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what one evaluation inserted into its {@link Advice}: the one Decision, the findings in
 * their lists (reasons and steps by rank, the others by item, each item once), the note findings
 * in the policy's order, each with its text from the rules' texts.
 */
final class AdviceAssembler {
    private final Map<String, String> texts;
    private final String version;

    AdviceAssembler(Map<String, String> texts, String version) {
        this.texts = texts;
        this.version = version;
    }

    /**
     * @throws AdviceException if the rules gave no single verdict, or cite an item without text
     */
    Advice assemble(Situation situation, Trace trace) {
        List<Trace.Inserted> decisions = trace.inserted.stream().filter(i -> i.fact() instanceof Decision).toList();
        if (decisions.isEmpty()) {
            throw new AdviceException(AdviceException.Kind.NO_VERDICT, null,
                    "no verdict rule matched the situation " + situation, null);
        }
        if (decisions.size() > 1) {
            throw new AdviceException(AdviceException.Kind.SEVERAL_VERDICTS, decisions.get(1).rule(),
                    "several verdict rules fired: " + decisions.stream().map(Trace.Inserted::rule).toList(), null);
        }
        Decision decision = (Decision) decisions.get(0).fact();

        Map<Finding.Kind, Map<String, Ranked>> lists = new EnumMap<>(Finding.Kind.class);
        Map<NoteCode, NoteFinding> notes = new EnumMap<>(NoteCode.class);
        int order = 0;
        for (Trace.Inserted inserted : trace.inserted) {
            if (inserted.fact() instanceof Finding finding) {
                Entry entry = new Entry(finding.item(), inserted.rule(), text(finding.item(), inserted.rule()));
                lists.computeIfAbsent(finding.kind(), k -> new LinkedHashMap<>())
                        .putIfAbsent(finding.item(), new Ranked(entry, finding.rank(), order++));
            } else if (inserted.fact() instanceof NoteIssue issue) {
                text(issue.item(), inserted.rule());
                notes.putIfAbsent(issue.code(),
                        new NoteFinding(issue.code(), issue.item(), inserted.rule(), text(issue.code().name(), inserted.rule())));
            }
        }
        Integer actInDays = decision.actInDays();
        return new Advice(decision.verdict(), actInDays,
                actInDays == null || situation.today() == null ? null : situation.today().plusDays(actInDays),
                Phase.of(situation.daysUntilInterview()), decision.summary(),
                byRank(lists.get(Finding.Kind.REASON)), byRank(lists.get(Finding.Kind.STEP)),
                byItem(lists.get(Finding.Kind.BENEFIT)), byItem(lists.get(Finding.Kind.RISK)),
                byItem(lists.get(Finding.Kind.ALTERNATIVE)), new ArrayList<>(notes.values()), trace.fired, version);
    }

    private record Ranked(Entry entry, int rank, int order) {
    }

    private static List<Entry> byRank(Map<String, Ranked> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.values().stream()
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::order))
                .map(Ranked::entry).toList();
    }

    private static List<Entry> byItem(Map<String, Ranked> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.values().stream()
                .map(Ranked::entry)
                .sorted(Comparator.comparing(e -> GuideItem.byId(e.item()).orElseThrow()))
                .toList();
    }

    private String text(String id, String rule) {
        if (id.contains("-") && GuideItem.byId(id).isEmpty()) {
            throw new AdviceException(AdviceException.Kind.UNKNOWN_ITEM, rule,
                    "rule \"" + rule + "\" cites unknown guide item " + id, null);
        }
        String text = texts.get(id);
        if (text == null) {
            throw new AdviceException(AdviceException.Kind.UNKNOWN_ITEM, rule,
                    "rule \"" + rule + "\" cites " + id + ", which texts.csv has no text for", null);
        }
        return text;
    }
}
