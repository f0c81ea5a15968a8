package dev.connectadvisor.internal.engine;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file of the rules folder (a scenario table, the texts): RFC 4180, UTF-8, {@code #} lines
 * ignored, empty lines skipped, each record with the physical line it starts on. Reading never
 * throws for bad content: the problem (not UTF-8, not CSV) comes back with its line.
 *
 * @param records every record, in file order
 * @param problem what made the file unreadable from its line on, or null
 * @param problemLine the 1-based line of the problem (0 when unknown)
 */
public record CsvFile(List<Record> records, String problem, int problemLine) {
    /** One record: its cells and the 1-based line it starts on. */
    public record Record(int line, List<String> cells) {
        public Record {
            cells = List.copyOf(cells);
        }

        /** True when every cell is blank. */
        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final CsvSchema NO_HEADER_WITH_COMMENTS = CsvSchema.emptySchema().withComments();

    public CsvFile {
        records = List.copyOf(records);
    }

    /** Reads a file's bytes; a leading byte order mark is ignored. */
    public static CsvFile read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new CsvFile(List.of(), "the file is not valid UTF-8", 1);
        }
        return parse(text);
    }

    /** Parses text; a leading byte order mark is ignored. */
    public static CsvFile parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Record> records = new ArrayList<>();
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
                    records.add(new Record(line, cells));
                    cells = null;
                }
            }
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return new CsvFile(records, "not valid CSV: " + e.getOriginalMessage(), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        return new CsvFile(records, null, 0);
    }
}
