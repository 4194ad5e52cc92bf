package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Column;
import dev.schemagate.model.Identity;
import dev.schemagate.model.SequenceOptions;
import dev.schemagate.model.dialect.PostgresColumn;

import java.sql.SQLException;

/** Reads the columns of every table, view and composite type in one query, grouped by relation. */
final class ColumnReader {

    private ColumnReader() {
    }

    static Columns read(Catalog catalog, Annotations annotations) throws SQLException {
        Columns columns = new Columns();
        catalog.query("columns", row -> {
            long relation = row.oid("relation");
            int position = row.integer("position");
            Column column = new Column(row.text("name"), row.text("type"), row.text("collation"),
                    row.bool("not_null"), row.text("default_expression"), identity(row),
                    row.text("generated_expression"), annotations.comment("pg_class", relation, position),
                    annotations.privileges("pg_class", relation, position),
                    new PostgresColumn(row.integer("statistics_target"), row.text("storage"), row.text("compression"),
                            row.texts("options")), null);
            columns.add(relation, position, column);
        });
        return columns;
    }

    private static Identity identity(Row row) throws SQLException {
        String kind = row.text("identity");
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        Identity.Generation generation = kind.equals("a") ? Identity.Generation.ALWAYS : Identity.Generation.BY_DEFAULT;
        return new Identity(generation, row.text("identity_sequence"), new SequenceOptions(row.text("identity_type"),
                row.number("identity_start"), row.number("identity_increment"), row.number("identity_min"),
                row.number("identity_max"), row.number("identity_cache"), row.bool("identity_cycle")));
    }
}
