package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the built-in rules/ folder in a temporary folder, to break on purpose. */
public final class RulesCopy {
    public static final Path RULES = Path.of("rules");

    private final Path dir;

    private RulesCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies rules/ (with its scenarios) into {@code parent}/rules. */
    public static RulesCopy of(Path parent) {
        Path dir = parent.resolve("rules");
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Replaces the one occurrence of {@code from} in a file of the copy. */
    public RulesCopy replace(String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            assertThat(text).as(file).contains(from);
            assertThat(text.indexOf(from)).as("one occurrence in " + file).isEqualTo(text.lastIndexOf(from));
            Files.writeString(path, text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A candidate that passes verify and answers differently: "they may forget you" (CON-8) from
     * more than 8 days ahead instead of 7 (tooEarlyDays, one cell of the parameters table), its three
     * scenario rows at day 8 moved to day 9. At day 8, CON-8 leaves the reasons.
     */
    public RulesCopy tooEarlyAfterEightDays() {
        return replace("parameters.drl.csv", "values,3,7,3,300", "values,3,8,3,300")
                .replace("scenarios/advice-lists.csv", "L-B9-existing-8d,\"known person, 8 days: CON-8 only\",8,,true,,,,,,,,WAIT,5,",
                        "L-B9-existing-9d,\"known person, 9 days: CON-8 only\",9,,true,,,,,,,,WAIT,6,")
                .replace("scenarios/edge-days.csv", "EDGE-d8-too-early,d=8: CON-8,8,,,,WAIT,5,", "EDGE-d9-too-early,d=9: CON-8,9,,,,WAIT,6,")
                .replace("scenarios/verdict-before.csv", "B9-8d-con8-reason,\"8 days ahead, more than tooEarlyDays: CON-8 is among the reasons\",8,,,,,,,,WAIT,5,",
                        "B9-9d-con8-reason,\"9 days ahead, more than tooEarlyDays: CON-8 is among the reasons\",9,,,,,,,,WAIT,6,");
    }

    /** Deletes the line of a file that starts with {@code prefix}. */
    public RulesCopy deleteLine(String file, String prefix) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            int start = text.startsWith(prefix) ? 0 : text.indexOf("\n" + prefix) + 1;
            assertThat(start).as(prefix + " in " + file).isPositive();
            int end = text.indexOf('\n', start);
            Files.writeString(path, text.substring(0, start) + text.substring(end + 1));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
