package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.ObjectRef;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the links between objects that {@code pg_depend} records, named as the snapshot names the
 * objects. The query gives the named ends and the links by their ends' keys; they are paired here,
 * by hash, whatever their number.
 */
final class DependencyReader {

    private DependencyReader() {
    }

    /** One end as the snapshot names it, the object it belongs to, and whether a scoped read keeps its links. */
    private record End(ObjectRef ref, String top, boolean inScope) {
    }

    /** A link by the keys of its two ends. */
    private record Link(String dependent, String referenced) {
    }

    static List<Dependency> read(Catalog catalog) throws SQLException {
        Map<String, End> ends = new HashMap<>();
        List<Link> links = new ArrayList<>();
        catalog.query("object_dependencies", row -> {
            if (row.text("row_kind").equals("end")) {
                ends.put(row.text("end_key"), new End(new ObjectRef(ObjectRef.Kind.valueOf(row.text("kind")),
                        row.text("schema"), row.text("name"), row.text("member")), row.text("top"), row.bool("in_scope")));
            } else {
                links.add(new Link(row.text("end_key"), row.text("referenced_key")));
            }
        });
        Set<Dependency> dependencies = new LinkedHashSet<>();
        for (Link link : links) {
            End dependent = ends.get(link.dependent());
            End referenced = ends.get(link.referenced());
            if (dependent != null && referenced != null && !dependent.top().equals(referenced.top())
                    && (dependent.inScope() || referenced.inScope())) {
                dependencies.add(new Dependency(dependent.ref(), referenced.ref()));
            }
        }
        return new ArrayList<>(dependencies);
    }
}
