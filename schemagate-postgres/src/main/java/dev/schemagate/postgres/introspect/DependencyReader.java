package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.ObjectRef;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the links between objects that {@code pg_depend} records, named as the snapshot names the objects. */
final class DependencyReader {

    private DependencyReader() {
    }

    static List<Dependency> read(Catalog catalog) throws SQLException {
        List<Dependency> dependencies = new ArrayList<>();
        catalog.query("object_dependencies", row -> dependencies.add(new Dependency(
                end(row, "dependent"), end(row, "referenced"))));
        return dependencies;
    }

    private static ObjectRef end(Row row, String side) throws SQLException {
        return new ObjectRef(ObjectRef.Kind.valueOf(row.text(side + "_kind")), row.text(side + "_schema"),
                row.text(side + "_name"), row.text(side + "_member"));
    }
}
