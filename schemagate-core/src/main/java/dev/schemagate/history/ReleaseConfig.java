package dev.schemagate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a project keeps its version and its changelog, which a change that adds migrations should
 * touch too, and how much it matters when it does not. Read from the {@code release} section of
 * {@code schemagate.yml}:
 * <pre>
 * release:
 *   versionFile: pom.xml      # relative to the repository's top folder
 *   changelog: CHANGELOG.md
 *   severity: warning         # error, warning, info or off
 * </pre>
 *
 * @param versionFile the version file, relative to the repository's top folder
 * @param changelog   the changelog, likewise
 * @param explicit    true when the paths were set in the file (then a missing file is reported; the
 *                    default paths are checked only when they exist)
 * @param severity    the findings' severity, or empty when turned off
 */
public record ReleaseConfig(String versionFile, String changelog, boolean explicit, Optional<Severity> severity) {

    public static ReleaseConfig defaults() {
        return new ReleaseConfig("pom.xml", "CHANGELOG.md", false, Optional.of(Severity.WARNING));
    }

    /** The {@code release} section of {@code file}, or the defaults when the file or the section is absent. */
    public static ReleaseConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        JsonNode release;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            release = root == null ? null : root.get("release");
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (release == null || release.isNull()) {
            return defaults();
        }
        ReleaseConfig defaults = defaults();
        String version = release.path("versionFile").asText(defaults.versionFile());
        String changelog = release.path("changelog").asText(defaults.changelog());
        boolean explicit = release.has("versionFile") || release.has("changelog");
        String severity = release.path("severity").asText("warning").toLowerCase(Locale.ROOT);
        Optional<Severity> level;
        switch (severity) {
            case "off", "false" -> level = Optional.empty();
            case "error", "warning", "info" -> level = Optional.of(Severity.valueOf(severity.toUpperCase(Locale.ROOT)));
            default -> throw new InputException(file + ": release.severity is '" + severity + "'; use error, warning, info or off");
        }
        return new ReleaseConfig(version, changelog, explicit, level);
    }
}
