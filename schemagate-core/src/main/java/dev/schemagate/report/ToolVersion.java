package dev.schemagate.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Schemagate, which the build writes into {@code dev/schemagate/version.properties}
 * from the POM, so that the command line, SARIF and the other reports name the same release.
 */
public final class ToolVersion {

    private static final String VERSION = read();

    private ToolVersion() {
    }

    /** Such as {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/dev/schemagate/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/schemagate/version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
