package dev.connectadvisor.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a rules folder, read once: the rule sources (DRL and decision tables), the data
 * files beside them (other {@code *.csv}, such as {@code texts.csv}) and the scenario tables in
 * {@code scenarios/}. The version is a hash of the rule sources and the data files: everything
 * that shapes an answer.
 */
public record RuleFolder(String origin, List<Source> rules, List<Source> data, List<Source> scenarios, String version) {

    /** Where the built-in rules lie on the classpath (and in the jar). */
    public static final String CLASSPATH_ROOT = "connect-advisor/rules";

    /** One file, named by its path relative to the folder with '/' separators. */
    public record Source(String name, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public RuleFolder {
        rules = List.copyOf(rules);
        data = List.copyOf(data);
        scenarios = List.copyOf(scenarios);
    }

    /** True for a data file of the folder: a {@code .csv} that is not a decision table, outside {@code scenarios/}. */
    public static boolean isDataFile(String name) {
        return name.endsWith(".csv") && !isRuleFile(name) && !name.startsWith("scenarios/");
    }

    /** The data file of this name, if the folder has it. */
    public java.util.Optional<Source> dataFile(String name) {
        return data.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** True for the files Drools compiles: DRL and decision tables ({@code *.drl.csv}, {@code *.drl.xlsx}). */
    public static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".drl.csv") || name.endsWith(".drl.xls")
                || name.endsWith(".drl.xlsx");
    }

    /**
     * Reads a rules folder from disk.
     *
     * @throws UncheckedIOException if the folder cannot be read ({@link NoSuchFileException} if absent)
     */
    public static RuleFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new NoSuchFileException(dir.toString(), null, "not a folder"));
        }
        return read(dir.toString(), dir);
    }

    /** Reads the rules built into the jar (or into target/classes when run from the build). */
    public static RuleFolder builtIn() {
        return readBuiltIn(true);
    }

    /**
     * Where the build writes the version of the built-in rules (beside them on the classpath),
     * so that start-up reads twelve characters instead of hashing every rule source.
     */
    public static final String VERSION_RESOURCE = "connect-advisor/rules-version";

    /**
     * The version of the built-in rules, as {@code builtIn().version()} gives it: as the build
     * wrote it ({@link #VERSION_RESOURCE}), or, where the classpath has no such file (an IDE run
     * without the Maven build), hashed from the rule sources without the scenario tables.
     */
    public static String builtInVersion() {
        try (InputStream in = RuleFolder.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readBuiltIn(false).version();
    }

    private static RuleFolder readBuiltIn(boolean withScenarios) {
        URL url = RuleFolder.class.getClassLoader().getResource(CLASSPATH_ROOT);
        if (url == null) {
            throw new IllegalStateException("the built-in rules are missing from the classpath: " + CLASSPATH_ROOT);
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                return readJar(url, withScenarios);
            }
            return read("built-in", Path.of(url.toURI()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in rules: " + e.getMessage(), e);
        }
    }

    /**
     * The entries under {@link #CLASSPATH_ROOT} of the jar, through {@link JarFile} (whose central
     * directory the JVM has read already for class loading) rather than a zip file system.
     */
    private static RuleFolder readJar(URL url, boolean withScenarios) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        String prefix = CLASSPATH_ROOT + "/";
        List<Source> rules = new ArrayList<>();
        List<Source> data = new ArrayList<>();
        List<Source> scenarios = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = jar.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry entry : entries) {
                String name = entry.getName().substring(prefix.length());
                boolean scenario = name.startsWith("scenarios/");
                if (scenario && withScenarios && name.endsWith(".csv")) {
                    scenarios.add(new Source(name, readAll(jar, entry)));
                } else if (!scenario && isRuleFile(name)) {
                    rules.add(new Source(name, readAll(jar, entry)));
                } else if (isDataFile(name)) {
                    data.add(new Source(name, readAll(jar, entry)));
                }
            }
        }
        return new RuleFolder("built-in", rules, data, scenarios, hash(rules, data));
    }

    private static byte[] readAll(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static RuleFolder read(String origin, Path root) {
        List<Source> rules = new ArrayList<>();
        List<Source> data = new ArrayList<>();
        List<Source> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (name.startsWith("scenarios/") && name.endsWith(".csv")) {
                    scenarios.add(new Source(name, Files.readAllBytes(file)));
                } else if (!name.startsWith("scenarios/") && isRuleFile(name)) {
                    rules.add(new Source(name, Files.readAllBytes(file)));
                } else if (isDataFile(name)) {
                    data.add(new Source(name, Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleFolder(origin, rules, data, scenarios, hash(rules, data));
    }

    private static String hash(List<Source> rules, List<Source> data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Source> all = new ArrayList<>(rules);
            all.addAll(data);
            for (Source source : all) {
                digest.update(source.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
