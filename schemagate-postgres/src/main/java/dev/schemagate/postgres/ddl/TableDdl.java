package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Column;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Identity;
import dev.schemagate.model.Index;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.ReplicaIdentity;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.SequenceOptions;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes tables, then their constraints and indexes. Partitions, inheritance children and typed
 * tables get their columns from their template (parent or type); only what differs from it is written.
 */
final class TableDdl {

    /** The section the foreign keys are written in. */
    static final String FOREIGN_KEYS = "Foreign keys";
    /** The section partitions' indexes are attached to their parents' in. */
    static final String INDEX_PARTITIONS = "Index partitions";

    private final Snapshot snapshot;
    private final List<Table> ordered;

    TableDdl(Snapshot snapshot) {
        this(snapshot, snapshot.tables());
    }

    /** Writes only {@code tables}, taking their parents and types from {@code snapshot}. */
    TableDdl(Snapshot snapshot, List<Table> tables) {
        this.snapshot = snapshot;
        this.ordered = DependencyOrder.sort(tables, Table::qualifiedName, Table::parents);
    }

    void tables(Script script) {
        script.section("Tables");
        List<Created> adjustments = new ArrayList<>();
        for (Table table : ordered) {
            Map<String, Column> template = template(table);
            script.add(createTable(table, template), DependencyGraph.ref(table));
            for (Column column : table.columns()) {
                Column inherited = template.get(column.name());
                if (inherited != null) {
                    ObjectRef part = DependencyGraph.part(table, "column " + column.name());
                    differences(table, column, inherited).forEach(sql -> adjustments.add(new Created(part, sql)));
                }
            }
        }
        adjustments.forEach(adjustment -> script.add(adjustment.sql(), adjustment.part()));
        script.section("Column settings");
        for (Table table : ordered) {
            columnSettings(table, "ALTER TABLE ONLY " + Sql.name(table), table.columns(), script);
        }
    }

    /** Statistics targets, storage, attribute options and compression of the columns of {@code relation}. */
    static void columnSettings(SchemaObject relation, String alter, List<Column> columns, Script script) {
        for (Column column : columns) {
            String alterColumn = alter + " ALTER COLUMN " + Sql.ident(column.name());
            ObjectRef part = relation == null ? null : DependencyGraph.part(relation, "column " + column.name());
            if (column.postgres().statisticsTarget() != null) {
                script.add(alterColumn + " SET STATISTICS " + column.postgres().statisticsTarget(), part);
            }
            if (column.postgres().storage() != null) {
                script.add(alterColumn + " SET STORAGE " + column.postgres().storage(), part);
            }
            if (!column.postgres().options().isEmpty()) {
                script.add(alterColumn + " SET (" + String.join(", ", column.postgres().options()) + ")", part);
            }
            if (column.postgres().compression() != null) {
                script.add(alterColumn + " SET COMPRESSION " + column.postgres().compression(), part);
            }
        }
    }

    private Map<String, Column> template(Table table) {
        Map<String, Column> template = new HashMap<>();
        if (table.postgres().ofType() != null) {
            snapshot.postgres().compositeTypes().stream().filter(type -> Sql.name(type).equals(table.postgres().ofType())).findFirst()
                    .ifPresent(type -> type.attributes().forEach(attribute -> template.put(attribute.name(),
                            Column.of(attribute.name(), attribute.type(), false))));
        }
        for (QualifiedName parent : table.parents()) {
            snapshot.table(parent).ifPresent(p -> p.columns().forEach(c -> template.putIfAbsent(c.name(), c)));
        }
        return template;
    }

    private static String createTable(Table table, Map<String, Column> template) {
        StringBuilder create = new StringBuilder(table.postgres().unlogged() ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ")
                .append(Sql.name(table));
        if (table.postgres().partitionOf() != null) {
            create.append(" PARTITION OF ").append(Sql.name(table.postgres().partitionOf())).append(' ')
                    .append(table.postgres().partitionBound());
        } else if (table.postgres().ofType() != null) {
            create.append(" OF ").append(table.postgres().ofType());
        } else {
            List<String> columns = table.columns().stream().filter(column -> !template.containsKey(column.name()))
                    .map(column -> columnDefinition(table.schema(), column)).toList();
            create.append(columns.isEmpty() ? " (" : " (\n    ").append(String.join(",\n    ", columns))
                    .append(columns.isEmpty() ? ")" : "\n)");
            if (!table.postgres().inherits().isEmpty()) {
                create.append(" INHERITS (").append(table.postgres().inherits().stream().map(Sql::name)
                        .collect(Collectors.joining(", "))).append(')');
            }
        }
        if (table.postgres().partitionKey() != null) {
            create.append(" PARTITION BY ").append(table.postgres().partitionKey());
        }
        if (table.postgres().accessMethod() != null) {
            create.append(" USING ").append(Sql.ident(table.postgres().accessMethod()));
        }
        if (!table.postgres().options().isEmpty()) {
            create.append(" WITH (").append(String.join(", ", table.postgres().options())).append(')');
        }
        return create.toString();
    }

    static String columnDefinition(String schema, Column column) {
        StringBuilder definition = new StringBuilder(Sql.ident(column.name())).append(' ').append(column.type());
        if (column.collation() != null) {
            definition.append(" COLLATE ").append(column.collation());
        }
        if (column.generatedExpression() != null) {
            definition.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(") STORED");
        }
        if (column.defaultExpression() != null) {
            definition.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.identity() != null) {
            definition.append(identity(schema, column.identity()));
        }
        if (column.notNull()) {
            definition.append(" NOT NULL");
        }
        return definition.toString();
    }

    static String identity(String schema, Identity identity) {
        SequenceOptions options = identity.options();
        return (identity.generation() == Identity.Generation.ALWAYS ? " GENERATED ALWAYS" : " GENERATED BY DEFAULT")
                + " AS IDENTITY (SEQUENCE NAME " + Sql.ident(schema) + "." + Sql.ident(identity.sequence()) + " INCREMENT BY "
                + options.increment() + " MINVALUE " + options.minValue() + " MAXVALUE " + options.maxValue()
                + " START WITH " + options.start() + " CACHE " + options.cache()
                + (options.cycle() ? " CYCLE" : " NO CYCLE") + ")";
    }

    /** What to change on a column a table got from its template so it is as the snapshot says. */
    private static List<String> differences(Table table, Column column, Column inherited) {
        String alter = "ALTER TABLE ONLY " + Sql.name(table) + " ALTER COLUMN " + Sql.ident(column.name());
        List<String> statements = new ArrayList<>(2);
        if (!Objects.equals(column.defaultExpression(), inherited.defaultExpression())) {
            statements.add(column.defaultExpression() == null ? alter + " DROP DEFAULT"
                    : alter + " SET DEFAULT " + column.defaultExpression());
        }
        if (column.notNull() != inherited.notNull()) {
            statements.add(alter + (column.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        return statements;
    }

    /**
     * Keys first (each table's own, with ONLY, so a partition's key is attached to its parent's rather
     * than created by it), checks from children up so local copies merge with inherited ones, indexes,
     * index attachments, then foreign keys.
     */
    void constraintsAndIndexes(Script script) {
        script.section("Keys");
        for (Table table : ordered) {
            for (Constraint constraint : table.constraints()) {
                if (isKey(constraint)) {
                    script.add("ALTER TABLE ONLY " + Sql.name(table) + addConstraint(constraint), constraint(table, constraint));
                }
            }
            for (Index index : table.indexes()) {
                if (index.constraint() != null && !index.postgres().options().isEmpty()) {
                    script.add("ALTER INDEX " + Sql.sibling(table, index.name()) + " SET ("
                            + String.join(", ", index.postgres().options()) + ")",
                            DependencyGraph.part(table, "constraint " + index.constraint()));
                }
            }
        }
        script.section("Checks");
        List<Table> childrenFirst = new ArrayList<>(ordered);
        Collections.reverse(childrenFirst);
        for (Table table : childrenFirst) {
            for (Constraint constraint : table.constraints()) {
                if (constraint.type() == Constraint.Type.CHECK && !constraint.inherited()) {
                    String only = constraint.postgres().noInherit() ? "ONLY " : "";
                    script.add("ALTER TABLE " + only + Sql.name(table) + addConstraint(constraint), constraint(table, constraint));
                }
            }
        }
        script.section("Indexes");
        for (Table table : ordered) {
            indexes(table, table.indexes(), script);
        }
        script.section(INDEX_PARTITIONS);
        for (Table table : ordered) {
            for (Index index : table.indexes()) {
                if (index.postgres().parent() != null) {
                    script.add("ALTER INDEX " + Sql.name(index.postgres().parent()) + " ATTACH PARTITION "
                            + Sql.sibling(table, index.name()), DependencyGraph.part(table, "attachment of index " + index.name()));
                }
            }
        }
        script.section(FOREIGN_KEYS);
        for (Table table : ordered) {
            for (Constraint constraint : table.constraints()) {
                if (constraint.type() == Constraint.Type.FOREIGN_KEY && !constraint.inherited()) {
                    script.add("ALTER TABLE " + Sql.name(table) + addConstraint(constraint), constraint(table, constraint));
                }
            }
        }
        replicaIdentityAndClustering(script);
    }

    /** The indexes of {@code relation} that no constraint creates. */
    static void indexes(SchemaObject relation, List<Index> indexes, Script script) {
        for (Index index : indexes) {
            if (index.constraint() == null) {
                script.add(index.definition(), index(relation, index));
            }
        }
    }

    /** An index as a dependency names it: a key's index by its constraint. */
    private static ObjectRef index(SchemaObject relation, Index index) {
        return DependencyGraph.part(relation, index.constraint() == null ? "index " + index.name()
                : "constraint " + index.constraint());
    }

    private static ObjectRef constraint(Table table, Constraint constraint) {
        return DependencyGraph.part(table, "constraint " + constraint.name());
    }

    private void replicaIdentityAndClustering(Script script) {
        script.section("Replica identity and clustering");
        for (Table table : ordered) {
            String alter = "ALTER TABLE ONLY " + Sql.name(table);
            ObjectRef replicaIdentity = DependencyGraph.part(table, "replica identity");
            if (table.postgres().replicaIdentity() == ReplicaIdentity.FULL || table.postgres().replicaIdentity() == ReplicaIdentity.NOTHING) {
                script.add(alter + " REPLICA IDENTITY " + table.postgres().replicaIdentity(), replicaIdentity);
            }
            for (Index index : table.indexes()) {
                if (index.postgres().replicaIdentity()) {
                    script.add(alter + " REPLICA IDENTITY USING INDEX " + Sql.ident(index.name()), replicaIdentity);
                }
                if (index.postgres().clustered()) {
                    script.add(alter + " CLUSTER ON " + Sql.ident(index.name()), DependencyGraph.part(table, "clustering"));
                }
            }
        }
    }

    private static boolean isKey(Constraint constraint) {
        return constraint.type() == Constraint.Type.PRIMARY_KEY || constraint.type() == Constraint.Type.UNIQUE
                || constraint.type() == Constraint.Type.EXCLUSION;
    }

    static String addConstraint(Constraint constraint) {
        return " ADD CONSTRAINT " + Sql.ident(constraint.name()) + " " + constraint.definition();
    }
}
