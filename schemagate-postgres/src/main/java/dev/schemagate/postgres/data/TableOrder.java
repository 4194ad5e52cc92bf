package dev.schemagate.postgres.data;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders tables so that each comes after the tables its foreign keys reference (among those given),
 * keeping the given order otherwise; tables in a reference cycle keep their given order.
 */
final class TableOrder {

    private TableOrder() {
    }

    static List<QualifiedName> of(Snapshot snapshot, List<QualifiedName> tables) {
        Set<QualifiedName> pending = new LinkedHashSet<>(tables);
        List<QualifiedName> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            QualifiedName next = pending.stream().filter(table -> referenced(snapshot, table).stream()
                            .noneMatch(pending::contains))
                    .findFirst().orElse(pending.iterator().next());
            pending.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    private static List<QualifiedName> referenced(Snapshot snapshot, QualifiedName table) {
        return snapshot.table(table).stream().flatMap(t -> t.constraints().stream())
                .filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                .map(Constraint::referencedTable)
                .filter(referenced -> !referenced.equals(table))
                .toList();
    }
}
