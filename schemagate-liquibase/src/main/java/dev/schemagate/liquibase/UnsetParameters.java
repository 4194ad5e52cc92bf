package dev.schemagate.liquibase;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import liquibase.changelog.ChangeSet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Changelog parameters no setting gives a value: Liquibase leaves {@code ${name}} as written in
 * the SQL it runs, so the changeset fails with a syntax error far from the cause, or worse, creates
 * a table named {@code ${table_prefix}products}. Schemagate stops before running it and says which
 * parameter, where, and how to set it.
 */
final class UnsetParameters {

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}\\s]+)}");

    private UnsetParameters() {
    }

    /** Throws when the changeset's generated SQL, up or rollback, still holds a {@code ${name}}. */
    static void refuse(ChangeSet changeSet, Location at, List<String> update, List<String> rollback) {
        Stream.concat(update.stream(), rollback.stream()).map(PARAMETER::matcher).filter(Matcher::find).findFirst()
                .ifPresent(found -> {
                    String name = found.group(1);
                    throw new InputException(at.file() + ":" + at.line() + ": changeset " + changeSet.getAuthor() + ":"
                            + changeSet.getId() + " uses the changelog parameter ${" + name + "}, which nothing sets, and Liquibase"
                            + " would run it as written; set it with --param " + name + "=VALUE (liquibase.parameters." + name
                            + " in schemagate.yml, spring.liquibase.parameters." + name + " in a Spring Boot project's settings),"
                            + " or define it with <property name=\"" + name + "\" value=\"…\"/> in the changelog");
                });
    }
}
