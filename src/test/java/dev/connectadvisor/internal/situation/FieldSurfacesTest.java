package dev.connectadvisor.internal.situation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.ErrorCode;
import dev.connectadvisor.internal.cli.AdviseCommand;
import dev.connectadvisor.internal.cli.QuickAdvise;
import dev.connectadvisor.internal.json.SituationJson;
import dev.connectadvisor.internal.scenario.ScenarioTable;
import dev.connectadvisor.internal.verify.SituationSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard of "each field in one place": every surface that shows or reads the Situation's
 * fields takes them from {@link SituationFields}. Each test runs a surface twice: on the declared
 * fields, where it must know every one of them, and on a fixture that declares one field more,
 * {@code wearsHat}, which must reach the surface without any edit to it. A failure names the
 * surface that misses a field.
 */
class FieldSurfacesTest {
    /** What the fixture field was set to, by the surface under test. */
    private static final List<Object> HAT = new ArrayList<>();

    private static final Field WEARS_HAT = Field.bool("wearsHat", false,
            Field.sets("--wears-hat", true, "You wear a hat."), "You wear a hat to the interview.",
            s -> false, (builder, value) -> HAT.add(value));

    private static final List<Field> WITH_FIXTURE = fixture();

    private static List<Field> fixture() {
        List<Field> fields = new ArrayList<>(SituationFields.ALL);
        fields.add(WEARS_HAT);
        return List.copyOf(fields);
    }

    static Stream<Arguments> declarations() {
        return Stream.of(Arguments.of("declared fields", SituationFields.ALL),
                Arguments.of("declared fields and the fixture", WITH_FIXTURE));
    }

    @ParameterizedTest(name = "JSON reading knows every field ({0})")
    @MethodSource("declarations")
    void jsonReading(String name, List<Field> fields) {
        for (Field field : fields) {
            // a null is INVALID_VALUE for a known field, UNKNOWN_FIELD for any other name
            InvalidSituationException error = rejected(() -> SituationJson.read(
                    ("{\"" + field.name() + "\": null}").getBytes(StandardCharsets.UTF_8), fields));
            assertThat(error.code()).as("JSON reading: %s", field.name()).isEqualTo(ErrorCode.INVALID_VALUE);
        }
        HAT.clear();
        if (fields.contains(WEARS_HAT)) {
            SituationJson.read("{\"daysUntilInterview\": 3, \"wearsHat\": true}".getBytes(StandardCharsets.UTF_8), fields);
            assertThat(HAT).as("JSON reading sets the fixture field").contains(true);
        }
    }

    @org.junit.jupiter.api.Test
    void jsonWriting_writesEveryFieldThatDiffersFromItsDefault() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (Field field : SituationFields.ALL) {
            if (field.type() == Field.Type.DATE || field.name().equals("daysUntilInterview")) {
                continue; // the situation as the rules saw it: a day count, never a date
            }
            Object value = field.walk().stream().filter(v -> v != null && !v.equals(field.defaultValue())).findFirst()
                    .orElse(field.example());
            String json = mapper.writeValueAsString(Map.of("daysUntilInterview", field.onlyAfterInterview() ? -3 : 3,
                    field.name(), value instanceof Enum<?> e ? e.name() : value));
            dev.connectadvisor.Situation read = SituationJson.read(json.getBytes(StandardCharsets.UTF_8));

            JsonNode written = mapper.readTree(dev.connectadvisor.internal.json.AdviceJson.toJson(read, SituationFields.ALL));

            assertThat(written.has(field.name())).as("JSON writing: %s in %s", field.name(), written).isTrue();
            assertThat(SituationJson.read(written.toString().getBytes(StandardCharsets.UTF_8))).as("round trip: %s", field.name())
                    .isEqualTo(read);
        }
    }

    @ParameterizedTest(name = "picocli has a flag for every field ({0})")
    @MethodSource("declarations")
    void picocliFlags(String name, List<Field> fields) {
        for (Field field : fields) {
            Map<String, String> flags = AdviseCommand.flagsOf(fields, args(field));
            assertThat(flags).as("picocli flags: %s", field.name()).containsKey(field.name());
        }
    }

    @ParameterizedTest(name = "the quick path has a flag for every field ({0})")
    @MethodSource("declarations")
    void quickFlags(String name, List<Field> fields) {
        for (Field field : fields) {
            String[] args = Stream.concat(Stream.of("advise"), Stream.of(args(field))).toArray(String[]::new);
            QuickAdvise.Parsed parsed = QuickAdvise.parse(args, fields);
            assertThat(parsed).as("quick path: %s", field.name()).isNotNull();
            assertThat(parsed.flags()).as("quick path: %s", field.name()).containsKey(field.name());
        }
    }

    @ParameterizedTest(name = "the scenario tables have a column for every field ({0})")
    @MethodSource("declarations")
    void scenarioColumns(String name, List<Field> fields) {
        String header = "id,verdict,actInDays," + String.join(",", fields.stream().map(Field::name).toList());
        ScenarioTable table = ScenarioTable.parse("scenarios/fields.csv", header + "\n", fields);
        assertThat(table.problems()).as("scenario columns").isEmpty();
        assertThat(table.columns()).as("scenario columns").containsAll(fields.stream().map(Field::name).toList());
    }

    @ParameterizedTest(name = "the OpenAPI schema, which the playground's form is built from, has every field ({0})")
    @MethodSource("declarations")
    void openApiSchema(String name, List<Field> fields) {
        JsonNode schema = new ObjectMapper().valueToTree(SituationSchema.openApi(fields));
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("OpenAPI Situation schema").containsExactlyElementsOf(
                fields.stream().map(Field::name).toList());
    }

    @ParameterizedTest(name = "the exhaustive walk gives every field each of its walk values ({0})")
    @MethodSource("declarations")
    void exhaustiveWalk(String name, List<Field> fields) {
        Map<String, Set<Object>> seen = new java.util.HashMap<>();
        HAT.clear();
        SituationSpace.walk(fields, s -> {
            for (Field field : SituationFields.ALL) {
                seen.computeIfAbsent(field.name(), k -> new HashSet<>()).add(field.get(s));
            }
        }, rejected -> { });
        for (Field field : SituationFields.ALL) {
            assertThat(seen.get(field.name())).as("exhaustive walk: %s", field.name())
                    .containsExactlyInAnyOrderElementsOf(new HashSet<>(field.walk()));
        }
        if (fields.contains(WEARS_HAT)) {
            assertThat(new HashSet<>(HAT)).as("exhaustive walk: the fixture field").containsExactlyInAnyOrder(false, true);
        }
    }

    @ParameterizedTest(name = "the docs' field table has a row for every field ({0})")
    @MethodSource("declarations")
    void docsTable(String name, List<Field> fields) throws IOException {
        String table = SituationSchema.markdownTable(fields);
        for (Field field : fields) {
            assertThat(table).as("docs field table: %s", field.name()).contains("| `" + field.name() + "` |");
        }
        if (fields == SituationFields.ALL) {
            String contract = Files.readString(Path.of("docs/contract.md"));
            assertThat(contract).as("docs/contract.md holds the field table generated from the declarations;"
                    + " paste SituationSchema.markdownTable(SituationFields.ALL) there").contains(table);
        }
    }

    /** Arguments that set the field through its flag (with the day every situation needs). */
    private static String[] args(Field field) {
        List<String> args = new ArrayList<>();
        args.add(field.flag().option());
        if (!field.flag().isSwitch()) {
            args.add(switch (field.type()) {
                case INTEGER -> "1";
                case DATE -> "2026-12-01";
                case ENUM -> field.values().get(0);
                default -> "text";
            });
        }
        return args.toArray(String[]::new);
    }

    private static InvalidSituationException rejected(Runnable read) {
        try {
            read.run();
        } catch (InvalidSituationException e) {
            return e;
        }
        throw new AssertionError("expected a rejection");
    }
}
