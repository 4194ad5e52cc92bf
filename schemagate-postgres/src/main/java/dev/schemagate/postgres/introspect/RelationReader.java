package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.Policy;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.ReplicaIdentity;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;
import dev.schemagate.model.dialect.PostgresConstraint;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import dev.schemagate.model.dialect.PostgresView;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tables, views and materialized views with what hangs off them (constraints, indexes,
 * triggers, policies), one query per kind, and puts each part on its relation by oid.
 */
final class RelationReader {

    private static final Pattern TRIGGER_WHEN = Pattern.compile(" WHEN \\((.*)\\) EXECUTE (?:FUNCTION|PROCEDURE) ",
            Pattern.DOTALL);

    private final Catalog catalog;
    private final Annotations annotations;
    private final Map<Long, List<Constraint>> constraints = new HashMap<>();
    private final Map<Long, List<Index>> indexes = new HashMap<>();
    private final Map<Long, List<Trigger>> triggers = new HashMap<>();
    private final Map<Long, List<Policy>> policies = new HashMap<>();

    final List<Table> tables = new ArrayList<>();
    final List<View> views = new ArrayList<>();

    RelationReader(Catalog catalog, Annotations annotations) {
        this.catalog = catalog;
        this.annotations = annotations;
    }

    void read(Columns columns, Map<Long, List<QualifiedName>> dependencies) throws SQLException {
        readConstraints(columns);
        readIndexes();
        readTriggers();
        readPolicies();
        catalog.query("relations", row -> {
            long oid = row.oid("oid");
            String kind = row.text("kind");
            List<Column> relationColumns = columns.of(oid);
            if (kind.equals("v") || kind.equals("m")) {
                views.add(new View(row.text("schema"), row.text("name"), kind.equals("m"), row.text("definition"),
                        relationColumns, row.bool("populated"), dependencies.getOrDefault(oid, List.of()),
                        indexes.get(oid), triggers.get(oid), annotations.owner(row.text("owner")),
                        annotations.comment("pg_class", oid), annotations.privileges("pg_class", oid),
                        new PostgresView(row.texts("options")), null));
            } else {
                tables.add(table(row, oid, relationColumns));
            }
        });
    }

    private Table table(Row row, long oid, List<Column> columns) throws SQLException {
        List<QualifiedName> parents = qualifiedNames(row.texts("parent_schemas"), row.texts("parent_names"));
        boolean partition = row.bool("partition");
        return new Table(row.text("schema"), row.text("name"), columns, constraints.get(oid), indexes.get(oid),
                triggers.get(oid), annotations.owner(row.text("owner")), annotations.comment("pg_class", oid),
                annotations.privileges("pg_class", oid),
                new PostgresTable(row.bool("unlogged"), policies.get(oid), row.text("partition_key"),
                        partition ? parents.get(0) : null, row.text("partition_bound"), partition ? List.of() : parents,
                        row.text("of_type"), row.text("access_method"), row.texts("options"),
                        replicaIdentity(row.text("replica_identity")), row.bool("row_security"),
                        row.bool("force_row_security")), null, null);
    }

    private void readConstraints(Columns columns) throws SQLException {
        catalog.query("constraints", row -> {
            String referencedTable = row.text("referenced_table");
            boolean foreignKey = referencedTable != null;
            long relation = row.oid("relation");
            Constraint constraint = new Constraint(row.text("name"), constraintType(row.text("kind")),
                    row.text("definition"), columns.names(relation, row.integers("columns")),
                    foreignKey ? QualifiedName.of(row.text("referenced_schema"), referencedTable) : null,
                    columns.names(row.oid("referenced_relation"), row.integers("referenced_columns")),
                    foreignKey ? action(row.text("on_update")) : null,
                    foreignKey ? action(row.text("on_delete")) : null,
                    foreignKey ? matchType(row.text("match_type")) : null, row.bool("deferrable"),
                    row.bool("deferred"), row.bool("validated"), row.bool("inherited"),
                    annotations.comment("pg_constraint", row.oid("oid")),
                    new PostgresConstraint(row.bool("no_inherit"), row.bool("nulls_not_distinct")));
            constraints.computeIfAbsent(relation, r -> new ArrayList<>()).add(constraint);
        });
    }

    private void readIndexes() throws SQLException {
        catalog.query("indexes", row -> {
            List<String> expressions = row.texts("key_expressions");
            List<String> opclasses = row.texts("key_opclasses");
            List<String> collations = row.texts("key_collations");
            List<Integer> flags = row.integers("key_options");
            List<IndexKey> keys = new ArrayList<>(expressions.size());
            for (int k = 0; k < expressions.size(); k++) {
                int flag = flags.get(k);
                keys.add(new IndexKey(expressions.get(k), opclasses.get(k), collations.get(k), (flag & 1) != 0,
                        (flag & 2) != 0));
            }
            String parentName = row.text("parent_name");
            long oid = row.oid("oid");
            Index index = new Index(row.text("name"), row.bool("unique"), row.text("method"), keys,
                    row.text("predicate"), row.bool("valid"), row.text("definition"), row.text("constraint"),
                    annotations.comment("pg_class", oid), new PostgresIndex(row.bool("nulls_not_distinct"),
                    row.texts("include"), parentName == null ? null : QualifiedName.of(row.text("parent_schema"), parentName),
                    row.texts("options"), row.bool("replica_identity"), row.bool("clustered")), null);
            indexes.computeIfAbsent(row.oid("relation"), r -> new ArrayList<>()).add(index);
        });
    }

    private void readTriggers() throws SQLException {
        catalog.query("triggers", row -> {
            int type = row.integer("type");
            String definition = row.text("definition");
            Matcher when = TRIGGER_WHEN.matcher(definition);
            Trigger trigger = new Trigger(row.text("name"), timing(type), events(type), row.texts("columns"),
                    (type & 1) != 0, when.find() ? when.group(1) : null, row.bool("inherited"), definition,
                    annotations.comment("pg_trigger", row.oid("oid")), new PostgresTrigger(row.text("function"),
                    enablement(row.text("enabled")), row.bool("constraint")));
            triggers.computeIfAbsent(row.oid("relation"), r -> new ArrayList<>()).add(trigger);
        });
    }

    private void readPolicies() throws SQLException {
        catalog.query("policies", row -> {
            Policy policy = new Policy(row.text("name"), row.bool("permissive"), row.text("command"),
                    row.texts("roles"), row.text("using_expression"), row.text("check_expression"),
                    annotations.comment("pg_policy", row.oid("oid")));
            policies.computeIfAbsent(row.oid("relation"), r -> new ArrayList<>()).add(policy);
        });
    }

    /** Reads what each view and function needs, keyed by the dependent's oid. */
    static Map<Long, List<QualifiedName>> dependencies(Catalog catalog) throws SQLException {
        Map<Long, List<QualifiedName>> dependencies = new HashMap<>();
        catalog.query("dependencies", row -> dependencies.computeIfAbsent(row.oid("dependent"), d -> new ArrayList<>())
                .add(QualifiedName.of(row.text("schema"), row.text("name"))));
        return dependencies;
    }

    static List<QualifiedName> qualifiedNames(List<String> schemas, List<String> names) {
        List<QualifiedName> qualified = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            qualified.add(QualifiedName.of(schemas.get(i), names.get(i)));
        }
        return qualified;
    }

    private static String timing(int type) {
        if ((type & 64) != 0) {
            return "INSTEAD OF";
        }
        return (type & 2) != 0 ? "BEFORE" : "AFTER";
    }

    private static List<String> events(int type) {
        List<String> events = new ArrayList<>(4);
        if ((type & 4) != 0) {
            events.add("INSERT");
        }
        if ((type & 16) != 0) {
            events.add("UPDATE");
        }
        if ((type & 8) != 0) {
            events.add("DELETE");
        }
        if ((type & 32) != 0) {
            events.add("TRUNCATE");
        }
        return events;
    }

    static Enablement enablement(String code) {
        return switch (code) {
            case "D" -> Enablement.DISABLED;
            case "R" -> Enablement.REPLICA;
            case "A" -> Enablement.ALWAYS;
            default -> Enablement.ORIGIN;
        };
    }

    private static ReplicaIdentity replicaIdentity(String code) {
        return switch (code) {
            case "n" -> ReplicaIdentity.NOTHING;
            case "f" -> ReplicaIdentity.FULL;
            case "i" -> ReplicaIdentity.INDEX;
            default -> ReplicaIdentity.DEFAULT;
        };
    }

    private static Constraint.Type constraintType(String code) {
        return switch (code) {
            case "p" -> Constraint.Type.PRIMARY_KEY;
            case "u" -> Constraint.Type.UNIQUE;
            case "f" -> Constraint.Type.FOREIGN_KEY;
            case "x" -> Constraint.Type.EXCLUSION;
            default -> Constraint.Type.CHECK;
        };
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String matchType(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }
}
