package dev.connectadvisor.internal.policy;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.internal.engine.DecisionTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdict policy as the rule author wrote it: the decision table whose rows carry a policy
 * row id ({@code METADATA row("$param")}), read cell by cell. Its layout is Drools' own: the
 * keyword rows (RuleSet, Import, Functions, ...), then {@code RuleTable NAME}, a row of column
 * kinds (NAME, CONDITION, ACTION, METADATA, ...), a row of object types, a row of code templates,
 * a row of titles, and one row per rule. Nothing here interprets a condition: Drools compiles
 * the cells, in the rules and in the {@link Companion} diagnostics generated from them.
 */
final class VerdictTable {
    /** One column of the table. */
    record Column(int index, String kind, String objectType, String template, String title) {
        boolean isCondition() {
            return kind.equals("CONDITION");
        }

        /** The spreadsheet name of the column: A, B, ... */
        String letter() {
            return RuleProblem.columnName(index + 1);
        }
    }

    /** One rule row of the table. */
    record Row(int rank, int line, List<String> cells) {
        String cell(Column column) {
            return column.index() < cells.size() ? cells.get(column.index()).strip() : "";
        }
    }

    private static final Pattern METADATA_KEY = Pattern.compile("^\\s*(\\w+)\\s*\\(");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*(\\w+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Set<String> TEMPLATE_PLACEHOLDERS = Set.of("$param", "$1", "$2", "$3", "$4", "$5", "$6",
            "$7", "$8", "$9");

    final String file;
    /** The rows above {@code RuleTable}: RuleSet, Import, Functions and the other keywords. */
    final List<List<String>> keywordRows;
    final String name;
    final int firstColumn;
    final List<Column> columns;
    final List<Row> rows;
    final Column nameColumn;
    final Column rowColumn;
    final Column itemColumn;
    /** The condition column titled "phase", or null when the table has none. */
    final Column phaseColumn;
    /** Each variable a condition column binds ({@code $d : daysUntilInterview}), by the column that binds it. */
    final Map<String, Column> binders;
    /** Each bound variable and the field it stands for. */
    final Map<String, String> boundFields;

    private VerdictTable(String file, List<List<String>> keywordRows, String name, int firstColumn, List<Column> columns,
            List<Row> rows) {
        this.file = file;
        this.keywordRows = keywordRows;
        this.name = name;
        this.firstColumn = firstColumn;
        this.columns = columns;
        this.rows = rows;
        this.nameColumn = columns.stream().filter(c -> c.kind().equals("NAME")).findFirst().orElse(null);
        this.rowColumn = metadata("row");
        this.itemColumn = metadata("item");
        this.phaseColumn = columns.stream().filter(Column::isCondition)
                .filter(c -> c.title().strip().toLowerCase(Locale.ROOT).startsWith("phase")).findFirst().orElse(null);
        this.binders = new LinkedHashMap<>();
        this.boundFields = new LinkedHashMap<>();
        for (Column column : columns) {
            if (column.isCondition()) {
                Matcher m = BINDING.matcher(column.objectType() + " " + column.template());
                while (m.find()) {
                    binders.putIfAbsent(m.group(1), column);
                    boundFields.putIfAbsent(m.group(1), m.group(2));
                }
            }
        }
    }

    /** The table's verdict-policy part, if it has a {@code row(...)} metadata column. */
    static Optional<VerdictTable> of(DecisionTable table) {
        List<List<String>> cells = table.cells();
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c).strip();
                if (cell.startsWith("RuleTable")) {
                    Optional<VerdictTable> found = read(table.file(), cells, r, c, cell.substring("RuleTable".length()).strip());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<VerdictTable> read(String file, List<List<String>> cells, int at, int first, String name) {
        if (at + 4 >= cells.size()) {
            return Optional.empty();
        }
        List<String> kinds = cells.get(at + 1);
        List<Column> columns = new ArrayList<>();
        for (int c = first; c < kinds.size(); c++) {
            String kind = kinds.get(c).strip().toUpperCase(Locale.ROOT);
            if (kind.isEmpty()) {
                continue;
            }
            columns.add(new Column(c, kind, cell(cells, at + 2, c), cell(cells, at + 3, c), cell(cells, at + 4, c)));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = at + 5; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            boolean blank = line.stream().skip(first).allMatch(String::isBlank);
            if (blank || line.stream().anyMatch(v -> v.strip().startsWith("RuleTable"))) {
                break;
            }
            rows.add(new Row(rows.size() + 1, r + 1, List.copyOf(line)));
        }
        List<List<String>> keywords = new ArrayList<>();
        for (int r = 0; r < at; r++) {
            keywords.add(List.copyOf(cells.get(r)));
        }
        VerdictTable table = new VerdictTable(file, keywords, name, first, List.copyOf(columns), List.copyOf(rows));
        return table.rowColumn == null ? Optional.empty() : Optional.of(table);
    }

    private static String cell(List<List<String>> cells, int row, int column) {
        List<String> line = cells.get(row);
        return column < line.size() ? line.get(column) : "";
    }

    private Column metadata(String key) {
        for (Column column : columns) {
            if (column.kind().equals("METADATA")) {
                Matcher m = METADATA_KEY.matcher(column.template());
                if (m.find() && m.group(1).equals(key)) {
                    return column;
                }
            }
        }
        return null;
    }

    List<Column> conditions() {
        return columns.stream().filter(Column::isCondition).toList();
    }

    /** The row's policy id (its {@code row} metadata cell). */
    String id(Row row) {
        return row.cell(rowColumn);
    }

    /** The row's rule name (its NAME cell), or its id without one. */
    String ruleName(Row row) {
        return nameColumn == null ? id(row) : row.cell(nameColumn);
    }

    /** The variables a cell (with its column's template) uses, other than the template's placeholders. */
    Set<String> variables(Column column, String cell) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(column.template() + " " + cell);
        while (m.find()) {
            if (!TEMPLATE_PLACEHOLDERS.contains(m.group())) {
                used.add(m.group());
            }
        }
        return used;
    }
}
