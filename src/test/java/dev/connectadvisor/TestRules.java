package dev.connectadvisor;

import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Rules folders for tests: the project's rules, plus a test-only fault from src/test/resources/faulty-rules. */
public final class TestRules {
    /** The rule authors' folder of this checkout (tests run in the project's base directory). */
    public static final Path RULES = Path.of("rules");

    private TestRules() {
    }

    /**
     * A fresh folder under {@code parent} with the project's rule files (DRL and decision tables)
     * and {@code faulty-rules/<fault>/fault.drl}.
     */
    public static Path withFault(Path parent, String fault) {
        try {
            Path dir = Files.createTempDirectory(parent, fault);
            try (Stream<Path> files = Files.list(RULES)) {
                for (Path file : files.filter(f -> RuleFolder.isRuleFile(f.getFileName().toString())
                        || RuleFolder.isDataFile(f.getFileName().toString())).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.copy(Path.of("src/test/resources/faulty-rules", fault, "fault.drl"), dir.resolve("zz-fault.drl"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
