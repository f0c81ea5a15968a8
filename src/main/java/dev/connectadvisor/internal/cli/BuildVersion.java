package dev.connectadvisor.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release this build is: the Maven project's version, written into
 * {@code connect-advisor/version.properties} by the build (a filtered resource), so that it is the
 * same from the jar and from {@code target/classes}, and is never a literal in the code.
 */
final class BuildVersion {
    static final String RESOURCE = "connect-advisor/version.properties";

    private BuildVersion() {
    }

    /** The version, e.g. {@code 0.2.0}. */
    static String get() {
        try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build's version file is missing from the classpath: " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("the build did not write its version into " + RESOURCE);
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
