package dev.schemagate.postgres.plan;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.Optional;
import java.util.Set;

/**
 * What the alteration of one table needs to know about the rest of the plan.
 *
 * @param from             the schema the plan starts from
 * @param to               the schema it must produce
 * @param droppedTables    the tables the plan drops (removed, or dropped to be created again), and those whose
 *                         keys it drops: foreign keys that reference them are dropped first and added again
 * @param droppedFunctions the functions the plan drops, by qualified name as triggers name them
 * @param retypedEnums     the enums the plan replaces by a new type of the same name, as SQL names them
 * @param dropped          what the plan drops
 */
record PlanContext(Snapshot from, Snapshot to, Set<QualifiedName> droppedTables, Set<String> droppedFunctions,
                   Set<String> retypedEnums, Dropped dropped) {

    /**
     * A part of the table ({@code constraint x}, {@code column c}, {@code policy p}) calls a routine the plan
     * drops: it must go before the routine does, and come back once the routine is created again.
     */
    boolean callsDropped(Table table, String member) {
        return dropped.callsDropped(table, member);
    }

    /** The definition names an enum the plan replaces, so it must be dropped first and written again after. */
    boolean mentionsRetyped(String definition) {
        return definition != null && retypedEnums.stream().anyMatch(definition::contains);
    }

    /** The type string names an enum of the snapshot (casts to and from enums go through text). */
    static boolean isEnum(Snapshot snapshot, String type) {
        String name = PlanDdl.typeName(type);
        return snapshot.postgres().enums().stream().anyMatch(e -> PlanDdl.name(e).equals(name));
    }

    /** The column {@code name} of a parent of {@code table} in the snapshot, if a parent has it (it is then inherited). */
    static Optional<dev.schemagate.model.Column> inherited(Snapshot snapshot, Table table, String name) {
        for (QualifiedName parent : table.parents()) {
            Optional<dev.schemagate.model.Column> column = snapshot.table(parent).flatMap(p -> p.column(name));
            if (column.isPresent()) {
                return column;
            }
        }
        return Optional.empty();
    }
}
