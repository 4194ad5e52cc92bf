package dev.schemagate.migration;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The keys {@code schemagate.yml} may hold, so that a misspelt key is an error naming the closest
 * right one rather than a setting silently ignored. Each reader of the file (lint, drift) checks
 * the whole file, so both see the same mistakes.
 */
public final class ConfigKeys {

    /** The file's sections. */
    public static final List<String> SECTIONS = List.of("lint", "environments", "ignore", "release", "dialect", "session",
            "functions");
    public static final List<String> LINT = List.of("failOn", "rules", "naming");
    public static final List<String> NAMING = List.of("pattern");
    public static final List<String> ENVIRONMENT = List.of("url", "user", "password", "history", "historyTable");
    public static final List<String> IGNORE = List.of("schemas", "names", "kinds");
    public static final List<String> RELEASE = List.of("versionFile", "changelog", "severity");

    private ConfigKeys() {
    }

    /** Checks every key of a whole file. */
    public static void checkFile(Path file, JsonNode root) {
        if (root == null || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new InputException(file + ": is not a map of sections; write lint:, environments:, ignore: or release: at the top");
        }
        check(file, "", root, SECTIONS);
        check(file, "lint.", root.path("lint"), LINT);
        check(file, "lint.naming.", root.path("lint").path("naming"), NAMING);
        check(file, "ignore.", root.path("ignore"), IGNORE);
        check(file, "release.", root.path("release"), RELEASE);
        for (Iterator<String> names = root.path("environments").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            check(file, "environments." + name + ".", root.path("environments").path(name), ENVIRONMENT);
        }
    }

    /** Throws when {@code node} is a map holding a key not in {@code known}. */
    public static void check(Path file, String prefix, JsonNode node, List<String> known) {
        for (Iterator<String> keys = node.isObject() ? node.fieldNames() : List.<String>of().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new InputException(file + ": " + prefix + key + " is not a setting"
                        + closest(key, known).map(k -> "; did you mean " + prefix + k + "?").orElse("")
                        + " (known here: " + String.join(", ", known) + ")");
            }
        }
    }

    /** The candidate nearest to {@code word}, when it is near enough to be a likely misspelling. */
    public static Optional<String> closest(String word, List<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt(c -> distance(word.toLowerCase(), c.toLowerCase())))
                .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= Math.max(2, c.length() / 3));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
