package dev.schemagate.postgres.introspect;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.ExtendedStatistics;
import dev.schemagate.model.dialect.ForeignDataWrapper;
import dev.schemagate.model.dialect.ForeignServer;
import dev.schemagate.model.dialect.Publication;
import dev.schemagate.model.dialect.PublishedTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the kinds that stand beside tables rather than in them: user-defined casts, extended
 * statistics objects, publications, foreign-data wrappers and foreign servers.
 */
final class DatabaseObjectReader {

    private final Catalog catalog;
    private final Annotations annotations;

    final List<Cast> casts = new ArrayList<>();
    final List<ExtendedStatistics> statistics = new ArrayList<>();
    final List<Publication> publications = new ArrayList<>();
    final List<ForeignDataWrapper> foreignDataWrappers = new ArrayList<>();
    final List<ForeignServer> foreignServers = new ArrayList<>();

    DatabaseObjectReader(Catalog catalog, Annotations annotations) {
        this.catalog = catalog;
        this.annotations = annotations;
    }

    void read() throws SQLException {
        catalog.query("casts", row -> casts.add(new Cast(row.text("source"), row.text("target"), row.text("function"),
                method(row.text("method")), context(row.text("context")), annotations.comment("pg_cast", row.oid("oid")))));
        catalog.query("statistics", row -> statistics.add(new ExtendedStatistics(row.text("schema"), row.text("name"),
                QualifiedName.of(row.text("table_schema"), row.text("table_name")), row.texts("columns"),
                row.texts("expressions"), row.texts("kinds"), row.integer("target"), annotations.owner(row.text("owner")),
                annotations.comment("pg_statistic_ext", row.oid("oid")))));
        Map<Long, List<PublishedTable>> tables = new HashMap<>();
        catalog.query("publication_tables", row -> tables.computeIfAbsent(row.oid("publication"), k -> new ArrayList<>())
                .add(new PublishedTable(row.text("schema"), row.text("name"), row.texts("columns"), row.text("row_filter"))));
        catalog.query("publications", row -> {
            long oid = row.oid("oid");
            publications.add(new Publication(row.text("name"), row.bool("all_tables"), tables.getOrDefault(oid, List.of()),
                    row.texts("schemas"), row.texts("operations"), row.bool("via_root"), annotations.owner(row.text("owner")),
                    annotations.comment("pg_publication", oid)));
        });
        catalog.query("foreign_data_wrappers", row -> foreignDataWrappers.add(new ForeignDataWrapper(row.text("name"),
                row.text("handler"), row.text("validator"), row.texts("options"), annotations.owner(row.text("owner")),
                annotations.comment("pg_foreign_data_wrapper", row.oid("oid")))));
        catalog.query("foreign_servers", row -> foreignServers.add(new ForeignServer(row.text("name"), row.text("wrapper"),
                row.text("type"), row.text("version"), row.texts("options"), annotations.owner(row.text("owner")),
                annotations.comment("pg_foreign_server", row.oid("oid")))));
    }

    private static Cast.Method method(String code) {
        return switch (code) {
            case "b" -> Cast.Method.BINARY;
            case "i" -> Cast.Method.INOUT;
            default -> Cast.Method.FUNCTION;
        };
    }

    private static Cast.Context context(String code) {
        return switch (code) {
            case "i" -> Cast.Context.IMPLICIT;
            case "a" -> Cast.Context.ASSIGNMENT;
            default -> Cast.Context.EXPLICIT;
        };
    }
}
