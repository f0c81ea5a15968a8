package dev.connectadvisor.internal.engine;

import dev.connectadvisor.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A decision table of a rules folder ({@code *.drl.csv}, {@code *.drl.xlsx}) as Drools sees it:
 * its cells and the DRL that Drools generates from them. Drools reports problems in the
 * generated DRL; {@link #locate} maps such a problem back to the row and column of the cell
 * that caused it, since a rule author never sees the generated DRL.
 *
 * <pre>{@code
 * DecisionTable table = DecisionTable.read(source);
 * table.rowOf("B9 More than the window ahead: wait");   // OptionalInt[21]
 * }</pre>
 */
public final class DecisionTable {
    /** The comment Drools writes above each generated rule: {@code // rule values at A13, header at A8}. */
    private static final Pattern VALUES_AT = Pattern.compile("^\\s*// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("\\[Rule name='((?:[^']|'(?!\\]))*)'\\]");
    private static final Pattern EXPRESSION = Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]|Unable to Analyse Expression (.+?):(?:\\s|$)");
    /** Drools' position in the generated DRL, which the author never sees. */
    private static final Pattern GENERATED_POSITION = Pattern.compile("\\s*\\[Line: \\d+, Column: \\d+\\]");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\bcells? ([A-Z]{1,3})(\\d+)\\b");
    private static final Pattern TOKEN = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*|\\d+");

    private final String file;
    private final List<List<String>> cells;
    private final String drl;
    private final List<String> drlLines;
    private final Map<String, Integer> rowByRule;
    private final int[] rowOfLine;

    private DecisionTable(String file, List<List<String>> cells, String drl) {
        this.file = file;
        this.cells = cells;
        this.drl = drl;
        this.drlLines = drl.lines().toList();
        this.rowByRule = new LinkedHashMap<>();
        this.rowOfLine = new int[drlLines.size() + 2];
        int row = 0;
        for (int i = 0; i < drlLines.size(); i++) {
            String line = drlLines.get(i);
            Matcher at = VALUES_AT.matcher(line);
            if (at.find()) {
                row = Integer.parseInt(at.group(2));
            } else if (line.startsWith("end")) {
                rowOfLine[i + 1] = row;
                row = 0;
                continue;
            }
            Matcher rule = RULE.matcher(line);
            if (rule.find() && row > 0) {
                rowByRule.put(rule.group(1).replace("\\\"", "\""), row);
            }
            rowOfLine[i + 1] = row;
        }
    }

    /** True for the files Drools reads as decision tables. */
    public static boolean isTable(String name) {
        return name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx");
    }

    /**
     * Reads a table and generates its DRL as Drools does.
     *
     * @throws TableException with the located problem if Drools cannot read the table at all
     */
    public static DecisionTable read(RuleFolder.Source source) {
        boolean csv = source.name().endsWith(".csv");
        List<List<String>> cells;
        try {
            cells = csv ? csvCells(source.text()) : sheetCells(source.content());
        } catch (IOException | RuntimeException e) {
            throw new TableException(RuleProblem.inTable(source.name(), 0, 0,
                    "cannot read the spreadsheet: " + e.getMessage()));
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(source.content()),
                    csv ? InputType.CSV : InputType.XLS);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher cell = CELL_IN_MESSAGE.matcher(message);
            RuleProblem problem = cell.find()
                    ? RuleProblem.inTable(source.name(), Integer.parseInt(cell.group(2)), column(cell.group(1)), message)
                    : RuleProblem.inTable(source.name(), 0, 0, message);
            throw new TableException(problem);
        }
        return new DecisionTable(source.name(), cells, drl);
    }

    /** The file name in the rules folder. */
    public String file() {
        return file;
    }

    /** The table's cells as the author wrote them, row by row (0-based here; problems say rows from 1). */
    public List<List<String>> cells() {
        return cells;
    }

    /** The DRL that Drools generates from the table. */
    public String drl() {
        return drl;
    }

    /** Every rule generated from the table, by name, with its 1-based row, in table order. */
    public Map<String, Integer> rows() {
        return Collections.unmodifiableMap(rowByRule);
    }

    /** The 1-based row that a generated rule comes from. */
    public OptionalInt rowOf(String ruleName) {
        Integer row = rowByRule.get(ruleName);
        return row == null ? OptionalInt.empty() : OptionalInt.of(row);
    }

    /**
     * The cell behind a problem that Drools reported in the generated DRL: the row from the line
     * (or the rule or expression the message names), the column from the cell whose text the
     * message quotes. Unknown parts are 0.
     */
    public RuleProblem locate(int drlLine, String drlMessage) {
        String message = GENERATED_POSITION.matcher(drlMessage).replaceAll("");
        int row = drlLine > 0 && drlLine < rowOfLine.length ? rowOfLine[drlLine] : 0;
        if (row == 0) {
            Matcher name = RULE_NAME_IN_MESSAGE.matcher(message);
            if (name.find() && rowByRule.containsKey(name.group(1))) {
                row = rowByRule.get(name.group(1));
            }
        }
        if (row == 0) {
            Matcher expression = EXPRESSION.matcher(message);
            if (expression.find()) {
                String text = (expression.group(1) != null ? expression.group(1) : expression.group(2)).trim();
                for (int i = 0; i < drlLines.size() && row == 0; i++) {
                    if (drlLines.get(i).contains(text)) {
                        row = rowOfLine[i + 1];
                    }
                }
            }
        }
        Matcher cell = CELL_IN_MESSAGE.matcher(message);
        if (row == 0 && cell.find()) {
            return RuleProblem.inTable(file, Integer.parseInt(cell.group(2)), column(cell.group(1)), message);
        }
        return RuleProblem.inTable(file, row, row == 0 ? 0 : columnOf(row, message), message);
    }

    /** The 1-based column of the row's cell that the message quotes best; 0 if none does. */
    private int columnOf(int row, String message) {
        if (row < 1 || row > cells.size()) {
            return 0;
        }
        Set<String> said = new HashSet<>(tokens(message));
        List<String> values = cells.get(row - 1);
        int best = 0;
        int bestScore = 0;
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c).trim();
            if (value.isEmpty()) {
                continue;
            }
            int score = message.contains(value) ? 1000 + value.length() : 0;
            for (String token : tokens(value)) {
                if (said.contains(token) && (token.startsWith("$") || token.length() >= 3)) {
                    score += token.length();
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = c + 1;
            }
        }
        return best;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The 1-based column of a spreadsheet column name: A = 1, AA = 27. */
    public static int column(String letters) {
        int c = 0;
        for (char ch : letters.toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c;
    }

    private static List<List<String>> csvCells(String text) {
        List<List<String>> rows = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(parser.parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<List<String>> sheetCells(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** A table that Drools cannot read at all, with the problem located as far as the message allows. */
    public static final class TableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuleProblem problem;

        TableException(RuleProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public RuleProblem problem() {
            return problem;
        }
    }
}
