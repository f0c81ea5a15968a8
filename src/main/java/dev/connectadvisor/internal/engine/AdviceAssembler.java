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
import dev.connectadvisor.facts.DraftTemplate;
import dev.connectadvisor.facts.Note;
import dev.connectadvisor.facts.NoteIssue;
import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.policy.PolicyModel;
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
    private final PolicyModel policy;
    private final String version;
    private final DraftWriter drafts;

    AdviceAssembler(PolicyModel policy, String version, DraftWriter drafts) {
        this.policy = policy;
        this.version = version;
        this.drafts = drafts;
    }

    /**
     * @throws AdviceException if the rules gave no single verdict, or cite an item without text
     */
    Advice assemble(Situation situation, Trace trace, Note note) {
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

        boolean after = situation.daysUntilInterview() < 0;
        Map<Finding.Kind, Map<String, Ranked>> lists = new EnumMap<>(Finding.Kind.class);
        Map<NoteCode, Trace.Inserted> notes = new EnumMap<>(NoteCode.class);
        Parameters parameters = null;
        DraftTemplate template = null;
        int order = 0;
        for (Trace.Inserted inserted : trace.inserted) {
            if (inserted.fact() instanceof Finding finding) {
                Entry entry = new Entry(finding.item(), inserted.rule(), text(finding.item(), inserted.rule(), after));
                lists.computeIfAbsent(finding.kind(), k -> new LinkedHashMap<>())
                        .putIfAbsent(finding.item(), new Ranked(entry, finding.rank(), order++));
            } else if (inserted.fact() instanceof NoteIssue issue) {
                text(issue.item(), inserted.rule(), after);
                notes.putIfAbsent(issue.code(), inserted);
            } else if (inserted.fact() instanceof Parameters p && parameters == null) {
                parameters = p;
            } else if (inserted.fact() instanceof DraftTemplate t && template == null) {
                template = t;
            }
        }
        List<NoteFinding> findings = new ArrayList<>();
        for (Trace.Inserted inserted : notes.values()) {
            NoteIssue issue = (NoteIssue) inserted.fact();
            findings.add(new NoteFinding(issue.code(), issue.item(), inserted.rule(),
                    findingText(issue.code(), inserted.rule(), after, situation, note, parameters)));
        }
        Integer actInDays = decision.actInDays();
        String draft = null;
        if (template != null) {
            if (parameters == null) {
                throw new AdviceException(AdviceException.Kind.RULE_FAILED, null,
                        "a note template was chosen, but no rule inserted the Parameters (maxNoteChars)", null);
            }
            int sentOn = situation.daysUntilInterview() - (actInDays == null ? 0 : actInDays);
            draft = drafts.write(template, situation, sentOn < 0, parameters.maxNoteChars());
        }
        return new Advice(decision.verdict(), actInDays,
                actInDays == null || situation.today() == null ? null : situation.today().plusDays(actInDays),
                Phase.of(situation.daysUntilInterview()), decision.summary(),
                byRank(lists.get(Finding.Kind.REASON)), byRank(lists.get(Finding.Kind.STEP)),
                byItem(lists.get(Finding.Kind.BENEFIT)), byItem(lists.get(Finding.Kind.RISK)),
                byItem(lists.get(Finding.Kind.ALTERNATIVE)), findings, draft, trace.fired, version);
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

    /**
     * A note finding's text, with what the check found: {@code {word}} and {@code {name}} (the
     * misspelled word and the name word it resembles, or for a missing name the name as given),
     * {@code {length}} and {@code {max}}.
     */
    private String findingText(NoteCode code, String rule, boolean after, Situation situation, Note note,
            Parameters parameters) {
        String text = text(code.name(), rule, after);
        if (note != null) {
            String name = code == NoteCode.NOTE_NAME_MISSING ? String.valueOf(situation.interviewerName())
                    : String.valueOf(note.misspelledName());
            text = text.replace("{word}", String.valueOf(note.misspelledWord())).replace("{name}", name)
                    .replace("{length}", String.valueOf(note.length()));
        }
        return parameters == null ? text : text.replace("{max}", String.valueOf(parameters.maxNoteChars()));
    }

    private String text(String id, String rule, boolean after) {
        if (id.contains("-") && GuideItem.byId(id).isEmpty()) {
            throw new AdviceException(AdviceException.Kind.UNKNOWN_ITEM, rule,
                    "rule \"" + rule + "\" cites unknown guide item " + id, null);
        }
        String text = policy.text(id, after);
        if (text == null) {
            throw new AdviceException(AdviceException.Kind.UNKNOWN_ITEM, rule,
                    "rule \"" + rule + "\" cites " + id + ", which texts.csv has no text for", null);
        }
        return text;
    }
}
