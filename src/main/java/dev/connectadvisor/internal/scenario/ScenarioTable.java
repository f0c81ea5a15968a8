package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.engine.CsvFile;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scenario table, read from its CSV (docs/scenarios.md): RFC 4180, UTF-8, a header row,
 * {@code #} lines ignored, blank lines and rows of blank cells skipped.
 *
 * <pre>{@code
 * ScenarioTable table = ScenarioTable.parse("scenarios/before.csv", csv);
 * table.problems();   // every problem of the table, each with file and line
 * table.rows();       // the well-formed rows; a row with a problem is left out
 * }</pre>
 *
 * <p>Cells are trimmed, except the free-text ones ({@code description}, {@code interviewerName},
 * {@code note}), which are kept exactly as written. A blank Situation cell takes the field's
 * default. Parsing never throws for bad content: it reports problems.
 *
 * @param file the file name, as given (reports quote it)
 * @param columns the header's column names, trimmed, in file order
 * @param rows the well-formed rows, in file order
 * @param problems every problem of this table, in file order
 */
public record ScenarioTable(String file, List<String> columns, List<ScenarioRow> rows, List<ScenarioProblem> problems) {

    public ScenarioTable {
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** Reads a file of a rules folder; bytes that are not UTF-8 are a problem of the table. */
    public static ScenarioTable read(RuleFolder.Source source) {
        return of(source.name(), CsvFile.read(source.content()), Columns.DECLARED);
    }

    /** Parses a table's text; a leading byte order mark is ignored. */
    public static ScenarioTable parse(String file, String csv) {
        return of(file, CsvFile.parse(csv), Columns.DECLARED);
    }

    /** As {@link #parse(String, String)}, for a Situation of other fields (the field guard test adds one). */
    public static ScenarioTable parse(String file, String csv, List<dev.connectadvisor.internal.situation.Field> fields) {
        return of(file, CsvFile.parse(csv), new Columns(fields));
    }

    private static ScenarioTable of(String file, CsvFile csv, Columns columns) {
        List<ScenarioProblem> problems = new ArrayList<>();
        if (csv.problem() != null) {
            problems.add(new ScenarioProblem(file, csv.problemLine(), csv.problem()));
        }
        return TableReader.read(file, columns, csv.records(), problems);
    }
}
