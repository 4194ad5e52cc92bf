package dev.schemagate.data;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order a seeder fills tables in, for any dialect whose seeder takes a foreign key's values from
 * the rows of the table it references: each table after those its foreign keys reference, so the
 * parent rows are there first (a cycle is broken where it is met).
 */
public final class SeedOrder {

    private SeedOrder() {
    }

    /** The named tables of the snapshot, each after the tables among them its foreign keys reference. */
    public static List<Table> parentsFirst(Snapshot snapshot, Collection<QualifiedName> names) {
        Set<Table> ordered = new LinkedHashSet<>();
        Set<QualifiedName> visiting = new HashSet<>();
        for (QualifiedName name : names) {
            snapshot.table(name).ifPresent(table -> visit(snapshot, table, names, visiting, ordered));
        }
        return List.copyOf(ordered);
    }

    private static void visit(Snapshot snapshot, Table table, Collection<QualifiedName> names, Set<QualifiedName> visiting,
                              Set<Table> ordered) {
        if (ordered.contains(table) || !visiting.add(table.qualifiedName())) {
            return;
        }
        for (Constraint key : foreignKeys(table)) {
            if (names.contains(key.referencedTable())) {
                snapshot.table(key.referencedTable()).ifPresent(parent -> visit(snapshot, parent, names, visiting, ordered));
            }
        }
        ordered.add(table);
    }

    /** The table's foreign keys. */
    public static List<Constraint> foreignKeys(Table table) {
        return table.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY).toList();
    }
}
