package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.engine.CsvFile;
import dev.connectadvisor.internal.situation.Field;

import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.GuideItem;
import dev.connectadvisor.NoteCode;
import dev.connectadvisor.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the parsed CSV records of one table (header first) into rows and problems. */
final class TableReader {
    /** Error codes that a scenario row cannot produce: it has no JSON, and unknown columns are table problems. */
    private static final Set<ErrorCode> NOT_FROM_A_ROW = Set.of(ErrorCode.MALFORMED_JSON, ErrorCode.UNKNOWN_FIELD);

    private final String file;
    private final Columns columns;
    private final List<ScenarioProblem> problems;
    private final Map<String, Integer> index = new HashMap<>();
    private List<String> rowProblems;

    private TableReader(String file, Columns columns, List<ScenarioProblem> problems) {
        this.file = file;
        this.columns = columns;
        this.problems = problems;
    }

    /** The table, with {@code problems} (already holding any CSV syntax problem) extended. */
    static ScenarioTable read(String file, Columns columns, List<CsvFile.Record> records, List<ScenarioProblem> problems) {
        return new TableReader(file, columns, new ArrayList<>(problems)).read(records);
    }

    private ScenarioTable read(List<CsvFile.Record> records) {
        List<CsvFile.Record> nonBlank = records.stream()
                .filter(r -> r.cells().stream().anyMatch(c -> !c.isBlank())).toList();
        if (nonBlank.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new ScenarioProblem(file, 1, "the table has no header row"));
            }
            return new ScenarioTable(file, List.of(), List.of(), problems);
        }
        CsvFile.Record header = nonBlank.get(0);
        List<String> columns = header.cells().stream().map(String::trim).toList();
        readHeader(header.line(), columns);

        List<ScenarioRow> rows = new ArrayList<>();
        Map<String, ScenarioRow> byId = new HashMap<>();
        for (CsvFile.Record record : nonBlank.subList(1, nonBlank.size())) {
            Optional<ScenarioRow> row = readRow(record, columns.size());
            if (row.isEmpty()) {
                continue;
            }
            ScenarioRow first = byId.putIfAbsent(row.get().id(), row.get());
            if (first != null) {
                problems.add(duplicate(row.get(), first));
            } else {
                rows.add(row.get());
            }
        }
        return new ScenarioTable(file, columns, rows, problems);
    }

    static ScenarioProblem duplicate(ScenarioRow row, ScenarioRow first) {
        return new ScenarioProblem(row.file(), row.line(),
                "duplicate id " + row.id() + ": first used at " + first.where());
    }

    private void readHeader(int line, List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                problems.add(new ScenarioProblem(file, line, "column " + (i + 1) + " has no name"));
            } else if (!columns.all.contains(name)) {
                problems.add(new ScenarioProblem(file, line, "unknown column " + name + suggestion(name)));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add(new ScenarioProblem(file, line, "column " + name + " appears twice"));
            }
        }
        if (!index.containsKey(Columns.ID)) {
            problems.add(new ScenarioProblem(file, line, "missing column id"));
        }
        if (index.containsKey(Columns.VERDICT) && !index.containsKey(Columns.ACT_IN_DAYS)) {
            problems.add(new ScenarioProblem(file, line,
                    "missing column actInDays: every verdict row expects one (a blank cell means null)"));
        }
    }

    private String suggestion(String name) {
        return columns.all.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst()
                .map(known -> " (did you mean " + known + "?)")
                .orElse("; allowed: id, description, the Situation fields, the expectations and error");
    }

    private Optional<ScenarioRow> readRow(CsvFile.Record record, int width) {
        rowProblems = new ArrayList<>();
        List<String> cells = record.cells();
        if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            rowProblems.add("the row has " + cells.size() + " cells, but the header has " + width + " columns");
        }
        Function<String, String> cell = column -> {
            Integer i = index.get(column);
            return i == null || i >= cells.size() ? "" : cells.get(i);
        };

        String id = cell.apply(Columns.ID).trim();
        if (id.isEmpty()) {
            rowProblems.add("missing id");
        }
        String description = cell.apply(Columns.DESCRIPTION);
        Map<String, String> given = new LinkedHashMap<>();
        for (String field : columns.situation) {
            String value = columns.text.contains(field) ? cell.apply(field) : cell.apply(field).trim();
            if (!value.isEmpty()) {
                given.put(field, value);
            }
        }

        Expectation expected;
        String error = cell.apply(Columns.ERROR).trim();
        if (!error.isEmpty()) {
            expected = expectedError(error);
            for (String column : Columns.EXPECTATIONS) {
                if (!cell.apply(column).isBlank()) {
                    rowProblems.add("an error row expects nothing else: clear its " + column + " cell");
                }
            }
        } else if (cell.apply(Columns.VERDICT).isBlank()) {
            rowProblems.add("missing verdict (or error)");
            expected = null;
        } else {
            expected = expectedAdvice(cell);
        }

        rowProblems.forEach(message -> problems.add(new ScenarioProblem(file, record.line(), message)));
        if (!rowProblems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScenarioRow(file, record.line(), id,
                description.isEmpty() ? null : description, given, expected));
    }

    private ExpectedError expectedError(String cell) {
        String[] parts = cell.split("\\s+");
        ErrorCode code = enumValue(ErrorCode.class, parts[0]);
        if (code == null) {
            rowProblems.add("unknown error code " + parts[0] + " in error cell \"" + cell + "\"; allowed: "
                    + Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
        if (parts.length > 2) {
            rowProblems.add("malformed error cell \"" + cell + "\": write CODE field, e.g. CONFLICT applicationRejected");
            return null;
        }
        String field = parts.length == 2 ? parts[1] : null;
        if (NOT_FROM_A_ROW.contains(code)) {
            rowProblems.add("error " + code + " cannot come from a scenario row: a row has no JSON, and an"
                    + " unknown column is a table problem");
        } else if (field == null) {
            rowProblems.add("malformed error cell \"" + cell + "\": " + code + " needs a field, e.g. " + code
                    + " daysUntilInterview");
        } else if (!columns.situation.contains(field)) {
            rowProblems.add("unknown field " + field + " in error cell \"" + cell + "\"; allowed: a Situation field");
        }
        return new ExpectedError(code, field);
    }

    private ExpectedAdvice expectedAdvice(Function<String, String> cell) {
        String verdictCell = cell.apply(Columns.VERDICT).trim();
        Verdict verdict = enumValue(Verdict.class, verdictCell);
        if (verdict == null) {
            rowProblems.add("unknown verdict " + verdictCell + "; allowed: "
                    + Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        Integer actInDays = null;
        String days = cell.apply(Columns.ACT_IN_DAYS).trim();
        if (!days.isEmpty()) {
            try {
                actInDays = wholeNumber(days);
            } catch (IllegalArgumentException e) {
                rowProblems.add("actInDays \"" + days + "\" is not a whole number; leave it blank for null");
            }
        }
        LocalDate actOn = null;
        String on = cell.apply(Columns.ACT_ON).trim();
        if (!on.isEmpty()) {
            try {
                actOn = Field.parseDate(Columns.ACT_ON, on);
            } catch (IllegalArgumentException e) {
                rowProblems.add("actOn \"" + on + "\" is not a real date as YYYY-MM-DD");
            }
        }
        Presence<String> reasons = items(Columns.REASONS, cell.apply(Columns.REASONS));
        if (cell.apply(Columns.REASONS).trim().startsWith("!")) {
            rowProblems.add("the first reason is the decisive item, so it cannot be negated with !");
        }
        Presence<String> steps = items(Columns.STEPS, cell.apply(Columns.STEPS));
        Presence<String> benefits = items(Columns.BENEFITS, cell.apply(Columns.BENEFITS));
        Presence<String> risks = items(Columns.RISKS, cell.apply(Columns.RISKS));
        Presence<String> alternatives = items(Columns.ALTERNATIVES, cell.apply(Columns.ALTERNATIVES));
        Presence<NoteCode> notes = presence(Columns.NOTE_FINDINGS, cell.apply(Columns.NOTE_FINDINGS),
                token -> enumValue(NoteCode.class, token), "note code");
        Presence<String> draft = presence(Columns.DRAFT_NOTE, cell.apply(Columns.DRAFT_NOTE),
                token -> DraftWords.isWord(token) ? DraftWords.normal(token) : null,
                "word (letters and digits only)");
        if (verdict == null) {
            return null;
        }
        return new ExpectedAdvice(verdict, actInDays, actOn, reasons, steps, benefits, risks, alternatives, notes, draft);
    }

    /** A plain whole number (no sign but "-", no leading zeros, no fraction). */
    private static int wholeNumber(String text) {
        if (!text.matches("-?(0|[1-9][0-9]{0,8})")) {
            throw new IllegalArgumentException(text);
        }
        return Integer.parseInt(text);
    }

    private Presence<String> items(String column, String cell) {
        return presence(column, cell, token -> GuideItem.byId(token).map(GuideItem::id).orElse(null), "item");
    }

    /** Space-separated values; {@code !value} must be absent. Unknown values become problems. */
    private <T> Presence<T> presence(String column, String cell, Function<String, T> lookup, String kind) {
        if (cell.isBlank()) {
            return Presence.none();
        }
        List<T> present = new ArrayList<>();
        List<T> absent = new ArrayList<>();
        for (String token : cell.trim().split("\\s+")) {
            boolean negated = token.startsWith("!");
            String name = negated ? token.substring(1) : token;
            T value = lookup.apply(name);
            if (value == null) {
                rowProblems.add("unknown " + kind + " " + name + " in " + column + " cell \"" + cell.trim() + "\"");
                continue;
            }
            List<T> mine = negated ? absent : present;
            if ((negated ? present : absent).contains(value)) {
                rowProblems.add(column + " cell says both " + name + " and !" + name);
            } else if (!mine.contains(value)) {
                mine.add(value);
            }
        }
        return new Presence<>(present, absent);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
