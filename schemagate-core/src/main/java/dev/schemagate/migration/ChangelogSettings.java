package dev.schemagate.migration;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The flat settings a command line or a build gives: contexts and labels when set, and each
     * {@code name=value} parameter as {@code liquibase.parameters.name}.
     *
     * @throws InputException when a parameter is not {@code name=value}
     */
    public static Map<String, String> given(String contexts, String labels, List<String> parameters) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (contexts != null && !contexts.isBlank()) {
            settings.put("liquibase.contexts", contexts);
        }
        if (labels != null && !labels.isBlank()) {
            settings.put("liquibase.labels", labels);
        }
        for (String parameter : parameters == null ? List.<String>of() : parameters) {
            int equals = parameter.indexOf('=');
            if (equals < 1) {
                throw new InputException("--param '" + parameter + "' is not name=value; write it as --param table_prefix=shop_");
            }
            settings.put(PARAMETERS + parameter.substring(0, equals).strip(), parameter.substring(equals + 1));
        }
        return settings;
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
