package dev.connectadvisor.internal.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@link VerifyReport} as JUnit XML, the test report format that Jenkins, GitLab and most CI
 * servers read (the Apache Ant JUnit task's format): a {@code testsuites} document with one
 * {@code testsuite} per scenario table, one for the checks of the whole folder and one for the
 * mutations, each testcase as {@link Testcase} describes it.
 *
 * <pre>{@code
 * JunitXml.write(report, Path.of("target/verify.xml"), Map.of("rules", "rules"));
 * }</pre>
 */
public final class JunitXml {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JunitXml() {
    }

    /**
     * Writes the report to {@code file} (its folder is created if need be), replacing the file
     * only once the whole document is written.
     *
     * @param properties shown in each suite's {@code properties}, e.g. the rules' folder and version
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(VerifyReport report, Path file, Map<String, String> properties) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    write(report, out, properties, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(why(e), e));
        }
    }

    /** An I/O failure in words: what went wrong, and with which file. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return "a file stands where a folder should be: " + exists.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return (fs.getReason() == null ? "cannot write" : fs.getReason()) + ": " + fs.getFile();
        }
        return String.valueOf(e.getMessage());
    }

    /** Writes the document to a stream (UTF-8), with {@code timestamp} as each suite's time of running. */
    static void write(VerifyReport report, OutputStream out, Map<String, String> properties, LocalDateTime timestamp) {
        Map<String, List<Testcase>> suites = new LinkedHashMap<>();
        report.testcases().forEach(t -> suites.computeIfAbsent(t.suite(), s -> new ArrayList<>()).add(t));
        String host = hostname();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeCharacters("\n");
            int id = 0;
            for (Map.Entry<String, List<Testcase>> suite : suites.entrySet()) {
                List<Testcase> cases = suite.getValue();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", clean(suite.getKey()));
                xml.writeAttribute("package", clean(suite.getKey()));
                xml.writeAttribute("id", Integer.toString(id++));
                xml.writeAttribute("timestamp", TIMESTAMP.format(timestamp));
                xml.writeAttribute("hostname", host);
                xml.writeAttribute("tests", Integer.toString(cases.size()));
                xml.writeAttribute("failures", Long.toString(count(cases, Testcase.Status.FAILED)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", Long.toString(count(cases, Testcase.Status.SKIPPED)));
                xml.writeAttribute("time", seconds(cases.stream().mapToDouble(Testcase::seconds).sum()));
                xml.writeCharacters("\n  ");
                xml.writeStartElement("properties");
                for (Map.Entry<String, String> property : properties.entrySet()) {
                    xml.writeEmptyElement("property");
                    xml.writeAttribute("name", clean(property.getKey()));
                    xml.writeAttribute("value", clean(property.getValue()));
                }
                xml.writeEndElement();
                for (Testcase testcase : cases) {
                    xml.writeCharacters("\n  ");
                    testcase(xml, testcase);
                }
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-out");
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-err");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write the JUnit XML: " + e.getMessage(), e));
        }
    }

    private static void testcase(XMLStreamWriter xml, Testcase testcase) throws XMLStreamException {
        boolean empty = testcase.status() == Testcase.Status.PASSED;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", clean(testcase.name()));
        xml.writeAttribute("classname", clean(testcase.classname()));
        xml.writeAttribute("time", seconds(testcase.seconds()));
        if (empty) {
            return;
        }
        if (testcase.status() == Testcase.Status.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(testcase.message()));
        } else {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(testcase.message()));
            xml.writeAttribute("type", testcase.suite().equals(Testcase.MUTATIONS) ? "surviving mutation"
                    : testcase.suite().equals(Testcase.CHECKS) ? "check failed" : "scenario row failed");
            xml.writeCharacters(clean(testcase.detail()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static long count(List<Testcase> cases, Testcase.Status status) {
        return cases.stream().filter(t -> t.status() == status).count();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }

    /** The text without the characters XML 1.0 cannot carry (control characters other than tab and line ends). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(
                c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return b.toString();
    }

    /** The host's name as the shell knows it, without a DNS lookup (which can stall); else {@code localhost}. */
    private static String hostname() {
        String name = System.getenv("HOSTNAME");
        return name == null || name.isBlank() ? "localhost" : clean(name.strip());
    }
}
