package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.ExtendedStatistics;
import dev.schemagate.model.dialect.Publication;
import dev.schemagate.model.dialect.PublishedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes casts, extended statistics and publications, each statement with the object it creates so
 * the dependency graph puts it after its function and types, its table and columns, its tables.
 */
final class DatabaseObjectDdl {

    /** What a publication publishes when it says nothing. */
    private static final List<String> ALL_OPERATIONS = List.of("insert", "update", "delete", "truncate");

    private DatabaseObjectDdl() {
    }

    static void casts(Snapshot snapshot, Script script) {
        script.section("Casts");
        snapshot.postgres().casts().forEach(cast -> script.add(createCast(cast), DependencyGraph.ref(cast)));
    }

    static String createCast(Cast cast) {
        String how = switch (cast.method()) {
            case FUNCTION -> " WITH FUNCTION " + cast.function();
            case BINARY -> " WITHOUT FUNCTION";
            case INOUT -> " WITH INOUT";
        };
        String context = switch (cast.context()) {
            case EXPLICIT -> "";
            case ASSIGNMENT -> " AS ASSIGNMENT";
            case IMPLICIT -> " AS IMPLICIT";
        };
        return "CREATE CAST " + cast.signature() + how + context;
    }

    static void statistics(Snapshot snapshot, Script script) {
        script.section("Extended statistics");
        for (ExtendedStatistics statistics : snapshot.postgres().statistics()) {
            script.add(createStatistics(statistics), DependencyGraph.ref(statistics));
            if (statistics.target() != null) {
                script.add("ALTER STATISTICS " + Sql.name(statistics) + " SET STATISTICS " + statistics.target(),
                        DependencyGraph.ref(statistics));
            }
        }
    }

    static String createStatistics(ExtendedStatistics statistics) {
        List<String> covered = new ArrayList<>();
        statistics.columns().forEach(column -> covered.add(Sql.ident(column)));
        statistics.expressions().forEach(expression -> covered.add("(" + expression + ")"));
        String kinds = statistics.kinds().isEmpty() ? "" : " (" + String.join(", ", statistics.kinds()) + ")";
        return "CREATE STATISTICS " + Sql.name(statistics) + kinds + " ON " + String.join(", ", covered)
                + " FROM " + Sql.name(statistics.table());
    }

    static void publications(Snapshot snapshot, Script script) {
        script.section("Publications");
        snapshot.postgres().publications().forEach(p -> script.add(createPublication(p), DependencyGraph.ref(p)));
    }

    static String createPublication(Publication publication) {
        List<String> objects = new ArrayList<>();
        publication.tables().forEach(table -> objects.add((objects.isEmpty() ? "TABLE " : "") + publishedTable(table)));
        publication.schemas().forEach(schema -> objects.add("TABLES IN SCHEMA " + Sql.ident(schema)));
        String what = publication.allTables() ? " FOR ALL TABLES"
                : objects.isEmpty() ? "" : " FOR " + String.join(", ", objects);
        List<String> options = new ArrayList<>();
        if (!publication.operations().equals(ALL_OPERATIONS)) {
            options.add("publish = " + Sql.literal(String.join(", ", publication.operations())));
        }
        if (publication.viaRoot()) {
            options.add("publish_via_partition_root = true");
        }
        return "CREATE PUBLICATION " + Sql.ident(publication.name()) + what
                + (options.isEmpty() ? "" : " WITH (" + String.join(", ", options) + ")");
    }

    /** {@code ONLY s.t (a, b) WHERE (a > 0)}: one table as a publication names it. */
    static String publishedTable(PublishedTable table) {
        String columns = table.columns().isEmpty() ? ""
                : table.columns().stream().map(Sql::ident).collect(Collectors.joining(", ", " (", ")"));
        return "ONLY " + Sql.name(table) + columns + (table.where() == null ? "" : " WHERE (" + table.where() + ")");
    }
}
