package dev.schemagate.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the class-path files the tests keep beside them: SQL fixtures and exclusion manifests. */
public final class TestResources {

    private TestResources() {
    }

    /** The text of a class-path resource resolved against {@code owner}. */
    public static String text(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A corpus test's list of left-out files, so every file a test does not cover says why: one
     * {@code name | reason} per line, {@code #} comments and blank lines skipped.
     */
    public static Map<String, String> exclusions(Class<?> owner, String resource) throws IOException {
        Map<String, String> exclusions = new HashMap<>();
        for (String line : text(owner, resource).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\\s*\\|\\s*", 2);
                exclusions.put(parts[0].strip(), parts[1].strip());
            }
        }
        return exclusions;
    }
}
