package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flyway settings that change what a migration runs: placeholders and their replacement,
 * {@code mixed}, and the locations Flyway reads, gathered from {@code flyway.conf}/{@code flyway.toml},
 * {@code schemagate.yml} and {@code -Dflyway.*} system properties (see {@link FlywayConfigFiles}).
 *
 * @param mixed                  {@code flyway.mixed}: a migration may mix statements that must run
 *                               outside a transaction with others, and then runs without one
 * @param placeholderReplacement {@code flyway.placeholderReplacement}
 * @param placeholderPrefix      {@code flyway.placeholderPrefix}, {@code ${} by default
 * @param placeholderSuffix      {@code flyway.placeholderSuffix}, <code>}</code> by default
 * @param placeholders           {@code flyway.placeholders.*}
 * @param builtIns               the values of Flyway's own {@code flyway:*} placeholders that do not
 *                               depend on the script ({@code table}, and {@code defaultSchema},
 *                               {@code user} and {@code database} where the settings name them)
 * @param locations              further folders to read, resolved ({@code flyway.locations})
 */
public record FlywaySettings(boolean mixed, boolean placeholderReplacement, String placeholderPrefix,
                             String placeholderSuffix, Map<String, String> placeholders, Map<String, String> builtIns,
                             List<Path> locations) {

    public FlywaySettings {
        placeholders = Map.copyOf(placeholders);
        builtIns = Map.copyOf(builtIns);
        locations = List.copyOf(locations);
    }

    /** Flyway's defaults, as for a project that configures nothing. */
    public static FlywaySettings defaults() {
        return FlywayConfigFiles.settings(Map.of(), Path.of(""));
    }

    /**
     * These settings on a scratch database of the dialect named {@code dialect}: its user, database
     * and default schema stand for {@code ${flyway:user}}, {@code ${flyway:database}} and
     * {@code ${flyway:defaultSchema}} where the settings name none (the schema only where the dialect knows it).
     */
    public FlywaySettings onScratch(DialectNames dialect) {
        Map<String, String> all = new LinkedHashMap<>(builtIns);
        all.putIfAbsent("user", dialect.scratchUser());
        all.putIfAbsent("database", dialect.scratchDatabase());
        if (!dialect.scratchSchema().isEmpty()) {
            all.putIfAbsent("defaultSchema", dialect.scratchSchema());
        }
        return new FlywaySettings(mixed, placeholderReplacement, placeholderPrefix, placeholderSuffix, placeholders, all, locations);
    }
}
