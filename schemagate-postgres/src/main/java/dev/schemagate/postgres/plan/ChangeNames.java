package dev.schemagate.postgres.plan;

import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Index;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names the change each planned statement serves, as the diff names the object ({@code table
 * public.orders}): the first name of an object of either snapshot the statement mentions, in the
 * planner's own DDL, where the object acted on always comes first ({@code CREATE INDEX i ON t} names
 * the index's table; an index alone is looked up to its table).
 */
final class ChangeNames {

    private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern QUALIFIED = Pattern.compile(PART + "\\." + PART + "|" + PART);

    private final Map<String, String> labels = new HashMap<>();
    /** Casts by their signature, {@code (json AS text)}, which no name pattern finds. */
    private final Map<String, String> casts = new HashMap<>();

    ChangeNames(Snapshot from, Snapshot to) {
        for (Snapshot snapshot : List.of(to, from)) {
            objects(snapshot).forEach(object -> labels.putIfAbsent(key(object), SnapshotComparison.label((Record) object)));
            snapshot.schemas().forEach(s -> labels.putIfAbsent(PlanDdl.ident(s.name()), SnapshotComparison.label(s)));
            snapshot.postgres().extensions().forEach(e -> labels.putIfAbsent(PlanDdl.ident(e.name()), SnapshotComparison.label(e)));
            snapshot.postgres().eventTriggers().forEach(t -> labels.putIfAbsent(PlanDdl.ident(t.name()), SnapshotComparison.label(t)));
            snapshot.postgres().publications().forEach(p -> labels.putIfAbsent(PlanDdl.ident(p.name()), SnapshotComparison.label(p)));
            snapshot.postgres().foreignDataWrappers().forEach(w -> labels.putIfAbsent(PlanDdl.ident(w.name()), SnapshotComparison.label(w)));
            snapshot.postgres().foreignServers().forEach(v -> labels.putIfAbsent(PlanDdl.ident(v.name()), SnapshotComparison.label(v)));
            snapshot.postgres().casts().forEach(c -> casts.putIfAbsent(c.signature(), SnapshotComparison.label(c)));
            for (Table table : snapshot.tables()) {
                for (Index index : table.indexes()) {
                    labels.putIfAbsent(PlanDdl.sibling(table, index.name()), SnapshotComparison.label(table));
                }
            }
        }
    }

    /** The plan's statements, each naming its change. */
    List<PlannedStatement> name(List<PlannedStatement> statements) {
        return statements.stream().map(statement -> statement.change().isEmpty()
                ? statement.serving(of(statement.sql())) : statement).toList();
    }

    private String of(String sql) {
        String head = sql.startsWith("SET ") || sql.startsWith("SELECT pg_catalog.set_config") ? "" : sql;
        for (Map.Entry<String, String> cast : casts.entrySet()) {
            if (head.startsWith("CREATE CAST " + cast.getKey()) || head.startsWith("DROP CAST " + cast.getKey())
                    || head.startsWith("COMMENT ON CAST " + cast.getKey())) {
                return cast.getValue();
            }
        }
        Matcher matcher = QUALIFIED.matcher(head);
        while (matcher.find()) {
            String label = labels.get(matcher.group());
            if (label != null) {
                return label;
            }
        }
        return "";
    }

    private static String key(SchemaObject object) {
        return PlanDdl.name(object);
    }

    private static Stream<SchemaObject> objects(Snapshot snapshot) {
        return Stream.of(snapshot.postgres().collations(), snapshot.postgres().enums(), snapshot.postgres().domains(), snapshot.postgres().compositeTypes(),
                snapshot.postgres().rangeTypes(), snapshot.postgres().statistics(), snapshot.sequences(), snapshot.tables(), snapshot.views(), snapshot.routines())
                .flatMap(List::stream).map(SchemaObject.class::cast);
    }
}
