package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.RuleFolder;
import dev.connectadvisor.internal.scenario.ScenarioRow;
import dev.connectadvisor.internal.scenario.ScenarioRun;
import dev.connectadvisor.internal.scenario.ScenarioSuite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision tables load from .xlsx too (for authors who use a spreadsheet program), with the same answers. */
class XlsxTableTest {
    private static final List<String> TABLES = List.of("verdict-policy.drl.csv", "parameters.drl.csv");

    /** The copy with every CSV decision table replaced by the same cells in an .xlsx workbook. */
    private static RulesCopy asXlsx(Path tmp) throws IOException {
        RulesCopy copy = RulesCopy.of(tmp);
        for (String table : TABLES) {
            Path csv = copy.dir().resolve(table);
            Path xlsx = copy.dir().resolve(table.replace(".drl.csv", ".drl.xlsx"));
            try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                Sheet sheet = book.createSheet("Tables");
                List<String> lines = Files.readAllLines(csv);
                for (int r = 0; r < lines.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = new CsvLineParser().parse(lines.get(r));
                    for (int c = 0; c < cells.size(); c++) {
                        if (!cells.get(c).isEmpty()) {
                            row.createCell(c).setCellValue(cells.get(c));
                        }
                    }
                }
                book.write(out);
            }
            Files.delete(csv);
        }
        return copy;
    }

    @Test
    void xlsxTables_passEveryScenario_andGiveTheSameAnswersAsCsv(@TempDir Path tmp) throws IOException {
        RulesCopy copy = asXlsx(tmp);
        ConnectAdvisor csv = ConnectAdvisor.fromDirectory(RulesCopy.RULES);
        ConnectAdvisor xlsx = ConnectAdvisor.fromDirectory(copy.dir());

        ScenarioRun run = ScenarioRun.of(RuleFolder.read(copy.dir()), xlsx::advise);

        assertThat(run.report()).as("scenario report").hasSize(1);
        assertThat(run.passed()).isTrue();
        assertThat(xlsx.rules()).isEqualTo(csv.rules());
        for (ScenarioRow row : ScenarioSuite.read(RuleFolder.read(RulesCopy.RULES)).rows()) {
            try {
                assertThat(withoutVersion(xlsx.advise(row.situation()))).as(row.id())
                        .isEqualTo(withoutVersion(csv.advise(row.situation())));
            } catch (InvalidSituationException rejected) {
                // an error row: nothing to compare
            }
        }
    }

    @Test
    void brokenXlsxCell_isReportedByRowAndColumn(@TempDir Path tmp) throws IOException {
        RulesCopy copy = asXlsx(tmp);
        Path xlsx = copy.dir().resolve("verdict-policy.drl.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            book.getSheetAt(0).getRow(17).getCell(7).setCellValue("treu"); // H18: B6's hasReferral
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
        }

        RulesCompilationException broken = org.junit.jupiter.api.Assertions.assertThrows(RulesCompilationException.class,
                () -> ConnectAdvisor.fromDirectory(copy.dir()));

        assertThat(broken.problems()).extracting(RuleProblem::toString)
                .anyMatch(p -> p.startsWith("verdict-policy.drl.xlsx: row 18, column H: ") && p.contains("treu"));
    }

    private static Advice withoutVersion(Advice a) {
        return new Advice(a.verdict(), a.actInDays(), a.actOn(), a.phase(), a.summary(), a.reasons(), a.steps(),
                a.benefits(), a.risks(), a.alternatives(), a.noteFindings(), a.draftNote(), a.firedRules(), "");
    }
}
