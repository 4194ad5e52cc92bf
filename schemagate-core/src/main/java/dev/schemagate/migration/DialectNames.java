package dev.schemagate.migration;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names one dialect goes by in migration file names ({@code 1_x.postgres.up.sql}) and in
 * Liquibase's {@code dbms:} attribute, and the names of the other dialects whose files a folder may
 * also hold. Discovery takes the files of its own dialect, files without a dialect, and leaves the
 * others' files alone; the migration package cannot see the dialect SPI, so the caller passes the
 * dialect's {@code fileNameAliases()} here.
 *
 * @param own          this dialect's names, lower case, its id first, such as {@code postgres, postgresql, pg}
 * @param others       the names of other dialects, lower case, never overlapping {@code own}
 * @param scratchUser  the user a scratch database is reached as, for Flyway's {@code ${flyway:user}} when
 *                     the settings name none; empty when unknown
 * @param scratchDatabase the scratch database's name, for Flyway's {@code ${flyway:database}} when the
 *                     settings' URL names none; empty when unknown
 * @param scratchSchema the scratch database's default schema, for Flyway's {@code ${flyway:defaultSchema}} when
 *                     the settings name none; empty when unknown
 */
public record DialectNames(List<String> own, Set<String> others, String scratchUser, String scratchDatabase,
                           String scratchSchema) {

    /** Dialect names that migration tools put in file names, beyond any dialect Schemagate runs. */
    public static final List<String> KNOWN = List.of(
            "postgres", "postgresql", "pg", "mysql", "mariadb", "sqlite", "sqlite3", "cockroach", "cockroachdb",
            "sqlserver", "mssql", "clickhouse", "oracle", "spanner", "redshift", "snowflake", "tidb", "h2",
            "hsqldb", "db2", "derby", "firebird", "sybase", "yugabytedb", "vertica");

    public DialectNames(List<String> own, Set<String> others) {
        this(own, others, "", "", "");
    }

    public DialectNames {
        own = List.copyOf(lowerCase(own));
        if (own.isEmpty()) {
            throw new IllegalArgumentException("a dialect needs at least one name");
        }
        Set<String> rest = lowerCase(others);
        rest.removeAll(own);
        others = Set.copyOf(rest);
    }

    /** The dialect with these names; every other {@link #KNOWN} name counts as another dialect. */
    public static DialectNames of(List<String> aliases) {
        return new DialectNames(aliases, Set.copyOf(KNOWN));
    }

    /** The dialect's id, for messages. */
    public String id() {
        return own.get(0);
    }

    public boolean isOwn(String name) {
        return own.contains(name.toLowerCase(Locale.ROOT));
    }

    public boolean isOther(String name) {
        return others.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> lowerCase(Collection<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        return lower;
    }
}
