package dev.connectadvisor.internal.scenario;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scenario table, read from its CSV (SCENARIOS.md): RFC 4180, UTF-8, a header row,
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

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final CsvSchema NO_HEADER_WITH_COMMENTS = CsvSchema.emptySchema().withComments();

    public ScenarioTable {
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** Reads a file of a rules folder; bytes that are not UTF-8 are a problem of the table. */
    public static ScenarioTable read(RuleFolder.Source source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(source.content())).toString();
            return parse(source.name(), text);
        } catch (CharacterCodingException e) {
            return new ScenarioTable(source.name(), List.of(), List.of(),
                    List.of(new ScenarioProblem(source.name(), 1, "the file is not valid UTF-8")));
        }
    }

    /** Parses a table's text; a leading byte order mark is ignored. */
    public static ScenarioTable parse(String file, String csv) {
        return parse(file, csv, Columns.DECLARED);
    }

    /** As {@link #parse(String, String)}, for a Situation of other fields (the field guard test adds one). */
    public static ScenarioTable parse(String file, String csv, List<dev.connectadvisor.internal.situation.Field> fields) {
        return parse(file, csv, new Columns(fields));
    }

    private static ScenarioTable parse(String file, String csv, Columns columns) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<TableReader.Record> records = new ArrayList<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        try (CsvParser parser = CSV.createParser(text)) {
            parser.setSchema(NO_HEADER_WITH_COMMENTS);
            List<String> cells = null;
            int line = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    cells = new ArrayList<>();
                    line = 0;
                } else if (token == JsonToken.VALUE_STRING && cells != null) {
                    // The line of a record's first cell is exact; Jackson's line for the record itself is not.
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && cells != null) {
                    records.add(new TableReader.Record(line, cells));
                    cells = null;
                }
            }
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            problems.add(new ScenarioProblem(file, line, "not valid CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        return TableReader.read(file, columns, records, problems);
    }
}
