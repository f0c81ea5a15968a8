package dev.connectadvisor.internal.scenario;

import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All scenario tables of a rules folder, read together: ids must be unique across them.
 *
 * <pre>{@code
 * ScenarioSuite suite = ScenarioSuite.read(RuleFolder.builtIn());
 * suite.problems();   // of every table, by file and line
 * suite.rows();       // every well-formed row with a unique id, table by table
 * }</pre>
 *
 * @param rows the rows that can run; a row with a problem, or a later row with an id already
 *     used, is left out
 * @param problems every table problem, sorted by file and line
 */
public record ScenarioSuite(List<ScenarioRow> rows, List<ScenarioProblem> problems) {

    public ScenarioSuite {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** The scenario tables of a rules folder ({@code scenarios/*.csv}). */
    public static ScenarioSuite read(RuleFolder folder) {
        return of(folder.scenarios().stream().map(ScenarioTable::read).toList());
    }

    /** These tables with only the rows of these ids (as {@code verify --scenario ID} runs them); the problems stay. */
    public ScenarioSuite only(java.util.Collection<String> ids) {
        return new ScenarioSuite(rows.stream().filter(row -> ids.contains(row.id())).toList(), problems);
    }

    /** The ids of {@code ids} that no row has, in their order. */
    public List<String> unknown(java.util.Collection<String> ids) {
        java.util.Set<String> known = new java.util.HashSet<>();
        rows.forEach(row -> known.add(row.id()));
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    /** Tables read before; checks that ids are unique across them. */
    public static ScenarioSuite of(List<ScenarioTable> tables) {
        List<ScenarioRow> rows = new ArrayList<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<String, ScenarioRow> byId = new HashMap<>();
        for (ScenarioTable table : tables) {
            problems.addAll(table.problems());
            for (ScenarioRow row : table.rows()) {
                ScenarioRow first = byId.putIfAbsent(row.id(), row);
                if (first == null) {
                    rows.add(row);
                } else {
                    problems.add(TableReader.duplicate(row, first));
                }
            }
        }
        problems.sort(Comparator.comparing(ScenarioProblem::file).thenComparingInt(ScenarioProblem::line));
        return new ScenarioSuite(rows, problems);
    }
}
