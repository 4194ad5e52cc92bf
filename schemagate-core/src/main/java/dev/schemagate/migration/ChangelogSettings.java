package dev.schemagate.migration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What decides which changesets of a changelog run and what their SQL says: Liquibase's contexts,
 * labels and changelog parameters, from the flat {@code liquibase.*} settings of a run
 * ({@code liquibase.contexts}, {@code liquibase.labels}, {@code liquibase.parameters.<name>}).
 *
 * @param contexts   a context expression, empty for none (every changeset runs, as Liquibase does)
 * @param labels     a label expression, empty for none
 * @param parameters the changelog parameters, {@code ${name}} in the changelog
 */
public record ChangelogSettings(String contexts, String labels, Map<String, String> parameters) {

    private static final String PARAMETERS = "liquibase.parameters.";

    public ChangelogSettings {
        parameters = Map.copyOf(parameters);
    }

    public static ChangelogSettings none() {
        return new ChangelogSettings("", "", Map.of());
    }

    /** The settings from flat keys; keys that are not {@code liquibase.*} are left alone. */
    public static ChangelogSettings of(Map<String, String> settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PARAMETERS)) {
                parameters.put(key.substring(PARAMETERS.length()), value);
            }
        });
        return new ChangelogSettings(settings.getOrDefault("liquibase.contexts", ""),
                settings.getOrDefault("liquibase.labels", ""), parameters);
    }
}
