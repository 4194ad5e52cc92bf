package dev.schemagate.cli;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options that decide which changesets of a Liquibase changelog run, as Liquibase's own do. */
final class ChangelogOptions {

    @Option(names = "--contexts", paramLabel = "EXPRESSION",
            description = "Liquibase contexts: only changesets whose context matches run (default: all, as Liquibase does).")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION",
            description = "Liquibase label expression: only changesets whose labels match run (default: all).")
    String labels;

    /** The options as the flat {@code liquibase.*} settings of a run. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (contexts != null) {
            settings.put("liquibase.contexts", contexts);
        }
        if (labels != null) {
            settings.put("liquibase.labels", labels);
        }
        return settings;
    }
}
