package dev.schemagate.applied;

import dev.schemagate.migration.InputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migration tools whose history table drift reads, each with the table names it creates and the
 * columns that tell its table from another tool's table of the same name ({@code schema_migrations}
 * is golang-migrate's, dbmate's and popx's).
 */
public enum HistoryTool {
    FLYWAY("flyway", "Flyway", List.of("flyway_schema_history"), Set.of("installed_rank", "version", "checksum", "success", "type")),
    GOLANG_MIGRATE("golang-migrate", "golang-migrate", List.of("schema_migrations"), Set.of("version", "dirty")),
    POPX("popx", "popx", List.of("schema_migration", "schema_migrations"), Set.of("version", "version_self")),
    DBMATE("dbmate", "dbmate", List.of("schema_migrations"), Set.of("version")),
    GOOSE("goose", "goose", List.of("goose_db_version"), Set.of("version_id", "is_applied")),
    LIQUIBASE("liquibase", "Liquibase", List.of("databasechangelog"), Set.of("id", "author", "filename", "exectype")),
    DIESEL("diesel", "diesel", List.of("__diesel_schema_migrations"), Set.of("version", "run_on")),
    SQLX("sqlx", "sqlx", List.of("_sqlx_migrations"), Set.of("version", "success", "checksum"));

    private final String id;
    private final String displayName;
    private final List<String> tables;
    private final Set<String> columns;

    HistoryTool(String id, String displayName, List<String> tables, Set<String> columns) {
        this.id = id;
        this.displayName = displayName;
        this.tables = tables;
        this.columns = columns;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The names the tool gives its table by default. */
    public List<String> tables() {
        return tables;
    }

    /**
     * True when a table with these (lower-case) columns is this tool's. A dbmate table is a
     * {@code schema_migrations} with neither golang-migrate's {@code dirty} nor popx's {@code version_self}.
     */
    public boolean fits(Set<String> tableColumns) {
        if (!tableColumns.containsAll(columns)) {
            return false;
        }
        return this != DBMATE || !tableColumns.contains("dirty") && !tableColumns.contains("version_self");
    }

    /** The tool a config names by its id. */
    public static HistoryTool fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(tool -> tool.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new InputException("'" + id + "' is not a migration tool drift reads; use one of "
                        + Arrays.stream(values()).map(HistoryTool::id).collect(Collectors.joining(", ")) + " (or none)"));
    }
}
