package dev.connectadvisor.internal.policy;

import dev.connectadvisor.GuideItem;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.internal.engine.CsvFile;
import dev.connectadvisor.internal.engine.DecisionTable;
import dev.connectadvisor.internal.engine.NoteWords;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The companion rule base of a rules folder, generated from its data: DRL in package
 * {@value #PACKAGE} that Drools compiles beside the rules (at build time for the built-in ones,
 * so that nothing is compiled at run time). It holds
 * <ul>
 *   <li>the diagnostics of the verdict table: for each of its rows, a rule whose conditions are
 *       the row's condition cells, and one rule per non-blank condition cell (with the cells that
 *       bind the variables it uses), each inserting a {@link Held}: so that explanations and
 *       checks read which cells hold from the table itself, compiled by Drools from the very
 *       cells of the rules;</li>
 *   <li>the table as written (titles, cells, row ids, decisive items) and the advice texts of
 *       {@code texts.csv}, as rule metadata that {@link PolicyModel} reads back without a
 *       compiler.</li>
 * </ul>
 *
 * <pre>{@code
 * Companion.Generated companion = Companion.generate(RuleFolder.read(Path.of("rules")));
 * companion.problems();   // located in the table or texts.csv; empty when all is well
 * companion.drl();        // what Drools compiles
 * }</pre>
 */
public final class Companion {
    /** The package of the companion rules. */
    public static final String PACKAGE = "connectadvisor.companion";
    /** The data file of the advice texts. */
    public static final String TEXTS = "texts.csv";
    /** The data file of the note checks' words. */
    public static final String WORDS = "note-words.csv";
    /** Where the build puts the generated DRL for the precompiled rules (under the staged resources). */
    public static final String BUILT_IN_PATH = "connect-advisor/companion/companion.drl";

    /** The generated DRL, or the problems that kept it from being generated. */
    public record Generated(String drl, List<RuleProblem> problems) {
        public Generated {
            problems = List.copyOf(problems);
        }
    }

    private static final Pattern RULESET = Pattern.compile("(?i)^\\s*RuleSet\\s*$");
    private static final Pattern DROPPED_KEYWORDS = Pattern.compile("(?i)^\\s*(Sequential|Notes|SequentialMaxPriority|SequentialMinPriority)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("(?i)^\\s*Import\\s*$");
    private static final Pattern WORD = Pattern.compile("\\$?\\w+");

    private Companion() {
    }

    /** The companion of a folder's rules and data. */
    public static Generated generate(RuleFolder folder) {
        List<RuleProblem> problems = new ArrayList<>();
        StringBuilder drl = new StringBuilder();
        VerdictTable table = verdictTable(folder, problems);
        if (table != null) {
            String diagnostics = diagnostics(table, problems);
            if (diagnostics != null) {
                drl.append(diagnostics).append('\n');
                drl.append(tableRule(table));
            }
        } else if (problems.isEmpty()) {
            problems.add(new RuleProblem("(rules)", 0, 0, "no decision table holds the verdict policy: give one"
                    + " table a METADATA column row(\"$param\") with the policy row of each rule"));
        }
        Map<String, String> texts = texts(folder, problems);
        List<NoteWords.Entry> words = words(folder, problems);
        if (drl.length() == 0) {
            drl.append("package ").append(PACKAGE).append(";\n\n");
        }
        texts.forEach((id, text) -> drl.append("rule \"text ").append(id).append("\"\n    @kind(\"text\")\n    @id(\"")
                .append(id).append("\")\n    @text(\"").append(PolicyModel.encode(text)).append("\")\nwhen\n    eval(false)\nthen\nend\n\n"));
        List<String> encoded = new ArrayList<>();
        for (NoteWords.Entry entry : words) {
            encoded.add(entry.text());
            encoded.add(entry.kind());
        }
        drl.append("rule \"note words\"\n    @kind(\"words\")\n    @entries(\"").append(PolicyModel.encodeAll(encoded))
                .append("\")\nwhen\n    eval(false)\nthen\nend\n\n");
        return new Generated(drl.toString(), problems);
    }

    /** The words of {@code note-words.csv}, in file order; problems for unknown kinds and blanks. */
    static List<NoteWords.Entry> words(RuleFolder folder, List<RuleProblem> problems) {
        List<NoteWords.Entry> words = new ArrayList<>();
        for (CsvFile.Record record : rows(folder, WORDS, List.of("word", "kind"), problems)) {
            List<String> cells = record.cells();
            String word = cells.get(0).strip();
            String kind = cells.size() > 1 ? cells.get(1).strip() : "";
            if (word.isEmpty()) {
                problems.add(new RuleProblem(WORDS, record.line(), 0, "missing word"));
            } else if (!NoteWords.KINDS.contains(kind)) {
                problems.add(new RuleProblem(WORDS, record.line(), 0, "unknown kind \"" + kind + "\" for " + word
                        + "; allowed: " + String.join(", ", NoteWords.KINDS)));
            } else {
                words.add(new NoteWords.Entry(word, kind));
            }
        }
        return words;
    }

    /** The records of a data file after its header; a problem when the file is missing or unreadable. */
    private static List<CsvFile.Record> rows(RuleFolder folder, String file, List<String> header,
            List<RuleProblem> problems) {
        Optional<RuleFolder.Source> source = folder.dataFile(file);
        if (source.isEmpty()) {
            problems.add(new RuleProblem(file, 0, 0, "the rules folder has no " + file + " (columns "
                    + String.join(",", header) + ")"));
            return List.of();
        }
        CsvFile csv = CsvFile.read(source.get().content());
        if (csv.problem() != null) {
            problems.add(new RuleProblem(file, csv.problemLine(), 0, csv.problem()));
            return List.of();
        }
        List<CsvFile.Record> records = csv.records().stream().filter(r -> !r.blank()).toList();
        if (records.isEmpty() || !records.get(0).cells().stream().map(String::strip).toList().equals(header)) {
            problems.add(new RuleProblem(file, records.isEmpty() ? 1 : records.get(0).line(), 0,
                    "the first row must be the header " + String.join(",", header)));
            return List.of();
        }
        List<CsvFile.Record> rows = new ArrayList<>();
        for (CsvFile.Record record : records.subList(1, records.size())) {
            if (record.cells().size() > header.size()
                    && record.cells().subList(header.size(), record.cells().size()).stream().anyMatch(c -> !c.isBlank())) {
                problems.add(new RuleProblem(file, record.line(), 0, "the row has " + record.cells().size()
                        + " cells; a row of " + file + " is " + String.join(",", header) + " (quote a value that holds a comma)"));
            } else {
                rows.add(record);
            }
        }
        return rows;
    }

    /** The folder's verdict table: the one decision table with a {@code row(...)} metadata column. */
    private static VerdictTable verdictTable(RuleFolder folder, List<RuleProblem> problems) {
        VerdictTable found = null;
        for (RuleFolder.Source source : folder.rules()) {
            if (!DecisionTable.isTable(source.name())) {
                continue;
            }
            DecisionTable table;
            try {
                table = DecisionTable.read(source);
            } catch (DecisionTable.TableException unreadable) {
                continue; // the rules' own compile reports it
            }
            Optional<VerdictTable> verdicts = VerdictTable.of(table);
            if (verdicts.isEmpty()) {
                continue;
            }
            if (found != null) {
                problems.add(new RuleProblem(source.name(), 0, 0, "a second table with a row(...) column: the verdict"
                        + " policy is one table, " + found.file + " already holds it"));
                continue;
            }
            found = verdicts.get();
        }
        return found;
    }

    /** The diagnostics table of the verdict table, compiled by Drools to DRL; null when it cannot be. */
    private static String diagnostics(VerdictTable table, List<RuleProblem> problems) {
        if (table.itemColumn == null) {
            problems.add(RuleProblem.inTable(table.file, 0, 0, "the verdict table has no METADATA column"
                    + " item(\"$param\") with each row's decisive item"));
            return null;
        }
        List<VerdictTable.Column> conditions = table.conditions();
        List<List<String>> csv = new ArrayList<>();
        for (List<String> keyword : table.keywordRows) {
            String key = keyword.isEmpty() ? "" : keyword.get(0);
            if (RULESET.matcher(key).matches()) {
                csv.add(List.of("RuleSet", PACKAGE));
            } else if (IMPORT.matcher(key).matches()) {
                List<String> row = new ArrayList<>(keyword);
                row.set(1, row.size() > 1 && !row.get(1).isBlank() ? row.get(1) + ", " + Held.class.getName() : Held.class.getName());
                csv.add(row);
            } else if (!DROPPED_KEYWORDS.matcher(key).matches()) {
                csv.add(keyword);
            }
        }
        if (table.keywordRows.stream().noneMatch(k -> !k.isEmpty() && IMPORT.matcher(k.get(0)).matches())) {
            csv.add(1, List.of("Import", Held.class.getName()));
        }
        List<String> kinds = new ArrayList<>(List.of("NAME"));
        List<String> objectTypes = new ArrayList<>(List.of(""));
        List<String> templates = new ArrayList<>(List.of(""));
        List<String> titles = new ArrayList<>(List.of("rule"));
        for (VerdictTable.Column c : conditions) {
            kinds.add("CONDITION");
            objectTypes.add(c.objectType());
            templates.add(c.template());
            titles.add(c.title());
        }
        List<String> keys = List.of("kind", "rank", "row", "line", "title", "item", "column", "shows", "cells");
        kinds.add("ACTION");
        objectTypes.add("");
        templates.add("insert(new Held($1, $2));");
        titles.add("held");
        for (String key : keys) {
            kinds.add("METADATA");
            objectTypes.add("");
            templates.add(key + "(\"$param\")");
            titles.add(key);
        }
        csv.add(List.of(""));
        csv.add(List.of("RuleTable Verdict policy diagnostics"));
        csv.add(kinds);
        csv.add(objectTypes);
        csv.add(templates);
        csv.add(titles);
        int before = problems.size();
        for (VerdictTable.Row row : table.rows) {
            String id = table.id(row);
            if (id.isEmpty()) {
                problems.add(RuleProblem.inTable(table.file, row.line(), table.rowColumn.index() + 1,
                        "the row has no policy row id: every rule of the verdict table names its row"));
                continue;
            }
            // the whole row
            List<String> all = diagnosticRow("row " + row.line(), conditions, c -> row.cell(c));
            all.add(row.rank() + ", 0");
            all.addAll(List.of("row", String.valueOf(row.rank()), id, String.valueOf(row.line()),
                    PolicyModel.encode(table.ruleName(row)), row.cell(table.itemColumn), "", "",
                    PolicyModel.encodeAll(row.cells().subList(Math.min(table.firstColumn, row.cells().size()), row.cells().size()))));
            csv.add(all);
            // each condition cell, with the cells that bind the variables it uses
            for (VerdictTable.Column column : conditions) {
                String cell = row.cell(column);
                if (cell.isEmpty()) {
                    continue;
                }
                Set<VerdictTable.Column> needed = new LinkedHashSet<>();
                needed.add(column);
                for (String variable : table.variables(column, cell)) {
                    VerdictTable.Column binder = table.binders.get(variable);
                    if (binder != null && binder != column) {
                        if (row.cell(binder).isEmpty()) {
                            problems.add(RuleProblem.inTable(table.file, row.line(), column.index() + 1, "the cell uses "
                                    + variable + ", which column " + binder.letter() + " binds; that column's cell is blank"
                                    + " in this row, so " + variable + " is not bound: give it a value"));
                        }
                        needed.add(binder);
                    }
                }
                List<String> one = diagnosticRow("cell " + column.letter() + row.line(), conditions,
                        c -> needed.contains(c) ? row.cell(c) : "");
                one.add(row.rank() + ", " + (column.index() + 1));
                one.addAll(List.of("cell", String.valueOf(row.rank()), id, String.valueOf(row.line()), "", "",
                        String.valueOf(column.index() + 1), shows(table, column, cell), ""));
                csv.add(one);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String text = csv.stream().map(Companion::csvLine).collect(Collectors.joining("\n", "", "\n"));
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    InputType.CSV);
        } catch (RuntimeException e) {
            problems.add(RuleProblem.inTable(table.file, 0, 0, "the verdict table's diagnostics cannot be generated: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage())));
            return null;
        }
    }

    private static List<String> diagnosticRow(String name, List<VerdictTable.Column> conditions,
            java.util.function.Function<VerdictTable.Column, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(name);
        for (VerdictTable.Column c : conditions) {
            row.add(cell.apply(c));
        }
        return row;
    }

    /**
     * The fields whose values explain a cell: those it names (a Situation or Parameters field) and
     * those its variables stand for ({@code $d : daysUntilInterview}).
     */
    private static String shows(VerdictTable table, VerdictTable.Column column, String cell) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher words = WORD.matcher(column.template() + " " + cell);
        while (words.find()) {
            String word = words.group();
            if (word.startsWith("$")) {
                String field = table.boundFields.get(word);
                if (field != null) {
                    fields.add(field);
                }
            } else if (PolicyModel.isShownField(word)) {
                fields.add(word);
            }
        }
        return String.join(" ", fields);
    }

    /** A metadata-only rule with the table's shape: its file, name, column titles and kinds. */
    private static String tableRule(VerdictTable table) {
        List<VerdictTable.Column> columns = table.columns;
        return "rule \"verdict table\"\n    @kind(\"table\")\n    @file(\"" + PolicyModel.encode(table.file)
                + "\")\n    @title(\"" + PolicyModel.encode(table.name) + "\")\n    @titles(\""
                + PolicyModel.encodeAll(columns.stream().map(VerdictTable.Column::title).toList())
                + "\")\n    @kinds(\"" + PolicyModel.encodeAll(columns.stream().map(VerdictTable.Column::kind).toList())
                + "\")\n    @columns(\"" + columns.stream().map(c -> String.valueOf(c.index() + 1))
                        .collect(Collectors.joining(" "))
                + "\")\n    @first(\"" + (table.firstColumn + 1)
                + "\")\n    @objects(\"" + PolicyModel.encodeAll(table.conditions().stream().map(VerdictTable.Column::objectType).toList())
                + "\")\n    @phase(\"" + (table.phaseColumn == null ? "0" : String.valueOf(table.phaseColumn.index() + 1))
                + "\")\nwhen\n    eval(false)\nthen\nend\n\n";
    }

    /** The texts of {@code texts.csv} by id, in file order; problems for unknown ids, blanks and repeats. */
    /**
     * The texts of {@code texts.csv}, in file order, by id, or by {@code id@PHASE} for a text of one
     * phase only; problems for unknown ids and phases, blanks and repeats.
     */
    static Map<String, String> texts(RuleFolder folder, List<RuleProblem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        Arrays.stream(GuideItem.values()).forEach(i -> known.add(i.id()));
        Arrays.stream(NoteCode.values()).forEach(c -> known.add(c.name()));
        known.addAll(MESSAGES);
        for (CsvFile.Record record : rows(folder, TEXTS, List.of("id", "phase", "text"), problems)) {
            List<String> cells = record.cells();
            String id = cells.get(0).strip();
            String phase = cells.size() > 1 ? cells.get(1).strip() : "";
            String text = cells.size() > 2 ? cells.get(2).strip() : "";
            if (!known.contains(id)) {
                problems.add(new RuleProblem(TEXTS, record.line(), 0, "unknown id " + id
                        + "; allowed: a guide item (PRO-1 ... REJ-6), a note code (NOTE_GENERIC ...) or one of "
                        + String.join(", ", MESSAGES)));
            } else if (!phase.isEmpty() && !PHASES.contains(phase)) {
                problems.add(new RuleProblem(TEXTS, record.line(), 0, "unknown phase " + phase + " for " + id
                        + "; allowed: blank (both phases), BEFORE or AFTER"));
            } else if (text.isEmpty()) {
                problems.add(new RuleProblem(TEXTS, record.line(), 0, "missing text for " + id));
            } else if (texts.putIfAbsent(phase.isEmpty() ? id : id + "@" + phase, text) != null) {
                problems.add(new RuleProblem(TEXTS, record.line(), 0, "a second text for " + id
                        + (phase.isEmpty() ? "" : " in phase " + phase)));
            }
        }
        return texts;
    }

    /**
     * The ids of the sentences the tools say around the advice: the plan's assumptions, the line
     * for a note that was not checked, the legend of the item tags.
     */
    public static final List<String> MESSAGES = List.of("PLAN_DAYS", "PLAN_PENDING", "PLAN_FOLLOW_UPS",
            "NOTE_NOT_CHECKED", "LEGEND");

    /** The phases a text may be limited to: BEFORE (the interview is ahead, or today) and AFTER. */
    public static final List<String> PHASES = List.of("BEFORE", "AFTER");

    /** One CSV line: cells quoted where they must be (RFC 4180). */
    private static String csvLine(List<String> cells) {
        return cells.stream().map(c -> c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c).collect(Collectors.joining(","));
    }

    /**
     * The build's step before the precompile: writes the companion of a rules folder to a file, or
     * prints its problems and fails; and, given a third file, the folder's version to it
     * ({@link RuleFolder#VERSION_RESOURCE}: what the built-in rules report without hashing at start-up).
     *
     * @param args the rules folder, the DRL file to write and, optionally, the version file to write
     */
    public static void main(String[] args) throws IOException {
        RuleFolder folder = RuleFolder.read(Path.of(args[0]));
        Generated generated = generate(folder);
        if (!generated.problems().isEmpty()) {
            generated.problems().forEach(p -> System.err.println(Path.of(args[0]).resolve(p.file()) + ": " + p));
            System.exit(3);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, generated.drl(), StandardCharsets.UTF_8);
        if (args.length > 2) {
            Path version = Path.of(args[2]);
            Files.createDirectories(version.getParent());
            Files.writeString(version, folder.version() + "\n", StandardCharsets.UTF_8);
        }
    }
}
