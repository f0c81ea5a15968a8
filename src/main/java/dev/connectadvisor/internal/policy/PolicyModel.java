package dev.connectadvisor.internal.policy;

import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.engine.NoteWords;
import dev.connectadvisor.internal.situation.SituationFields;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The verdict table and the advice texts as the companion rule base carries them (see
 * {@link Companion}): read from its rules' metadata, so the precompiled rules need no parser and
 * no compiler to explain themselves.
 *
 * @param file the verdict table's file, e.g. {@code verdict-policy.drl.csv}
 * @param title the table's name (its {@code RuleTable} line)
 * @param columns the table's columns, in order
 * @param phaseColumn the 1-based column of the phase condition, or 0 when the table has none
 * @param rows the rule rows, in priority order
 * @param texts the advice texts by id (guide items and note codes)
 * @param words the note checks' words
 * @param objectTypes the object types of the condition columns, as written ({@code Situation}, ...)
 */
public record PolicyModel(String file, String title, List<Column> columns, int phaseColumn, List<Row> rows,
        Map<String, String> texts, NoteWords words, List<String> objectTypes) {

    /**
     * One column of the table.
     *
     * @param column its 1-based column in the sheet (A = 1)
     * @param kind NAME, CONDITION, ACTION, METADATA, ...
     * @param title the title the author gave it
     */
    public record Column(int column, String kind, String title) {
        public boolean isCondition() {
            return kind.equals("CONDITION");
        }
    }

    /**
     * One rule row of the table.
     *
     * @param rank its place in the priority order, from 1
     * @param id its policy row id, e.g. {@code B9}
     * @param line its 1-based row in the sheet
     * @param name the rule's name (its NAME cell)
     * @param decisiveItem its decisive item
     * @param cells its cells as written, by column of {@link PolicyModel#columns()}
     * @param shows for each condition column with a cell, the fields whose values explain it
     */
    public record Row(int rank, String id, int line, String name, String decisiveItem, Map<Integer, String> cells,
            Map<Integer, List<String>> shows) {
        public Row {
            cells = Map.copyOf(cells);
            shows = Map.copyOf(shows);
        }

        /** The cell in a 1-based sheet column, "" when blank. */
        public String cell(int column) {
            return cells.getOrDefault(column, "");
        }
    }

    private static final Set<String> PARAMETERS = Arrays.stream(Parameters.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    public PolicyModel {
        objectTypes = List.copyOf(objectTypes);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        texts = Map.copyOf(texts);
    }

    /** The model of a companion rule base. */
    public static PolicyModel of(KieBase companion) {
        KiePackage pkg = companion.getKiePackage(Companion.PACKAGE);
        Map<String, Map<String, Object>> metadata = new TreeMap<>();
        if (pkg != null) {
            pkg.getRules().forEach(rule -> metadata.put(rule.getName(), rule.getMetaData()));
        }
        return of(metadata);
    }

    /**
     * The model of the precompiled companion, read from its executable model without building a
     * KieBase of it (which only explanations and checks need): the same rules' metadata.
     */
    public static PolicyModel of(List<? extends org.drools.model.Model> companion) {
        Map<String, Map<String, Object>> metadata = new TreeMap<>();
        for (org.drools.model.Model model : companion) {
            for (org.drools.model.Rule rule : model.getRules()) {
                if (Companion.PACKAGE.equals(rule.getPackage())) {
                    metadata.put(rule.getName(), rule.getMetaData());
                }
            }
        }
        return of(metadata);
    }

    /** The model from the companion rules' metadata, by rule name in name order. */
    private static PolicyModel of(Map<String, Map<String, Object>> metadata) {
        String file = "";
        String title = "";
        List<Column> columns = new ArrayList<>();
        int phase = 0;
        int first = 1;
        Map<Integer, Map<String, String>> rowMeta = new TreeMap<>();
        Map<Integer, Map<Integer, List<String>>> shows = new TreeMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<NoteWords.Entry> words = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (Map<String, Object> meta : metadata.values()) {
            switch (String.valueOf(meta.get("kind"))) {
                case "table" -> {
                    file = decode(meta.get("file"));
                    title = decode(meta.get("title"));
                    List<String> titles = decodeAll(meta.get("titles"));
                    List<String> kinds = decodeAll(meta.get("kinds"));
                    String[] numbers = String.valueOf(meta.get("columns")).split(" ");
                    for (int i = 0; i < numbers.length; i++) {
                        columns.add(new Column(Integer.parseInt(numbers[i]), kinds.get(i), titles.get(i)));
                    }
                    phase = Integer.parseInt(String.valueOf(meta.get("phase")));
                    objects.addAll(decodeAll(meta.get("objects")));
                    first = Integer.parseInt(String.valueOf(meta.get("first")));
                }
                case "row" -> rowMeta.put(Integer.parseInt(String.valueOf(meta.get("rank"))), stringMap(meta));
                case "cell" -> {
                    Object shown = meta.get("shows");
                    shows.computeIfAbsent(Integer.parseInt(String.valueOf(meta.get("rank"))), k -> new TreeMap<>())
                            .put(Integer.parseInt(String.valueOf(meta.get("column"))),
                                    shown == null ? List.of() : List.of(String.valueOf(shown).split(" ")));
                }
                case "text" -> texts.put(String.valueOf(meta.get("id")), decode(meta.get("text")));
                case "words" -> {
                    List<String> entries = decodeAll(meta.get("entries"));
                    for (int i = 0; i + 1 < entries.size(); i += 2) {
                        words.add(new NoteWords.Entry(entries.get(i), entries.get(i + 1)));
                    }
                }
                default -> {
                    // not a companion rule
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> entry : rowMeta.entrySet()) {
            Map<String, String> meta = entry.getValue();
            List<String> written = decodeAll(meta.get("cells"));
            Map<Integer, String> cells = new TreeMap<>();
            for (int i = 0; i < written.size(); i++) {
                if (!written.get(i).isBlank()) {
                    cells.put(first + i, written.get(i).strip());
                }
            }
            rows.add(new Row(entry.getKey(), meta.get("row"), Integer.parseInt(meta.get("line")), decode(meta.get("title")),
                    meta.getOrDefault("item", ""), cells, shows.getOrDefault(entry.getKey(), Map.of())));
        }
        return new PolicyModel(file, title, columns, phase, rows, texts, new NoteWords(words), objects);
    }

    private static Map<String, String> stringMap(Map<String, Object> meta) {
        Map<String, String> out = new LinkedHashMap<>();
        meta.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** The row with this policy id. */
    public Optional<Row> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The text of an id for a situation in a phase: the phase's own text, else the text for both
     * phases; null when there is none.
     *
     * @param afterInterview true after the interview
     */
    public String text(String id, boolean afterInterview) {
        String own = texts.get(id + "@" + (afterInterview ? "AFTER" : "BEFORE"));
        return own != null ? own : texts.get(id);
    }

    /** True when an id has a text in both phases (one for both, or one each). */
    public boolean hasText(String id) {
        return texts.containsKey(id) || texts.containsKey(id + "@BEFORE") && texts.containsKey(id + "@AFTER");
    }

    /**
     * The Situation fields the verdict table's conditions read (by their names and variables), or
     * null when a condition matches a fact other than the Situation and the Parameters, so that
     * any field may matter.
     */
    public Set<String> fieldsRead() {
        for (String type : objectTypes) {
            String stripped = type.replaceAll("\\([^)]*\\)", " ");
            for (String word : stripped.trim().split("\\s+")) {
                if (!word.isEmpty() && !word.equals("Situation") && !word.equals("Parameters")) {
                    return null;
                }
            }
        }
        Set<String> read = new java.util.HashSet<>();
        rows.forEach(r -> r.shows().values().forEach(read::addAll));
        return read;
    }

    /** The condition columns, in order. */
    public List<Column> conditions() {
        return columns.stream().filter(Column::isCondition).toList();
    }

    /** True for a word of a cell whose value explains it: a Situation field or a parameter. */
    static boolean isShownField(String word) {
        return SituationFields.byName(word).isPresent() || PARAMETERS.contains(word);
    }

    /** Text as a metadata value: no quote, backslash, comma or space survives Drools' metadata parsing unencoded. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Several texts as one metadata value, space-separated. */
    static String encodeAll(List<String> texts) {
        return texts.stream().map(PolicyModel::encode).collect(Collectors.joining(" "));
    }

    static String decode(Object value) {
        return value == null ? "" : URLDecoder.decode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    static List<String> decodeAll(Object value) {
        if (value == null || String.valueOf(value).isEmpty()) {
            return List.of();
        }
        return Arrays.stream(String.valueOf(value).split(" ", -1)).map(PolicyModel::decode).toList();
    }
}
