package dev.schemagate.matrix;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One database a matrix run verifies the history on: a dialect, and the version of its embedded
 * server when the dialect has several to choose between.
 *
 * @param dialect the dialect's id ({@code sqlite})
 * @param version the server version, or null when the dialect has one
 */
public record Target(String dialect, String version) {

    /** For people: {@code sqlite}, or the dialect and its version. */
    public String label() {
        return version == null ? dialect : dialect + " " + version;
    }

    /** For folder names: {@code sqlite}, or the dialect and its version joined by a hyphen. */
    public String slug() {
        return version == null ? dialect : dialect + "-" + version;
    }

    /**
     * The targets of a run given several dialects and server versions: each dialect once per
     * version asked for when it has versions to choose between, else once; the same target is
     * never listed twice.
     *
     * @param dialects        dialect ids or file-name aliases, in the user's order
     * @param versions        server versions, in the user's order
     * @param defaultVersion  the version a dialect with versions runs when none is asked for
     * @throws IllegalArgumentException when a dialect is unknown, or a version is not one of a dialect's
     */
    public static List<Target> expand(List<String> dialects, List<String> versions, String defaultVersion) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String name : dialects) {
            Dialect dialect = Dialects.byId(name.strip());
            List<String> offered = dialect.serverVersions();
            if (offered.isEmpty()) {
                targets.add(new Target(dialect.id(), null));
                continue;
            }
            for (String version : versions.isEmpty() ? List.of(defaultVersion) : versions) {
                String wanted = version.strip();
                if (!offered.contains(wanted)) {
                    throw new IllegalArgumentException("server version '" + wanted + "' is not one " + dialect.id()
                            + " runs: choose among " + String.join(", ", offered));
                }
                targets.add(new Target(dialect.id(), wanted));
            }
        }
        return new ArrayList<>(targets);
    }

    /** The comma-separated values of a {@code --dialect} or {@code --pg-version} setting; none when it is absent. */
    public static List<String> values(String setting) {
        return setting == null || setting.isBlank() ? List.of()
                : Arrays.stream(setting.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Whether the settings name more than one target, so that the run is a matrix. */
    public static boolean several(String dialects, String versions) {
        return values(dialects).size() > 1 || values(versions).size() > 1;
    }
}
