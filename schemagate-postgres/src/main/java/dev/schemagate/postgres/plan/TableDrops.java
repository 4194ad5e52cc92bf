package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.DependencyGraph;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The drops of whole tables in a plan: a table that goes is dropped, one rebuilt has its rows saved
 * first, and the parts of either that form a cycle with a routine the plan also drops go before it.
 */
final class TableDrops {

    private final Snapshot from;
    private final Dropped dropped;
    private final Map<QualifiedName, TableRebuild> rebuilds;

    TableDrops(Snapshot from, Dropped dropped, Map<QualifiedName, TableRebuild> rebuilds) {
        this.from = from;
        this.dropped = dropped;
        this.rebuilds = rebuilds;
    }

    /** Each table the plan drops, after the parts of it that are in a cycle with a routine the plan drops too. */
    void addTo(DropOrder drops) {
        for (Table table : from.tables()) {
            if (!dropped.tables.contains(table.qualifiedName())) {
                continue;
            }
            Set<String> inCycles = new HashSet<>();
            drops.parts(DependencyGraph.ref(table), inCycles::contains, partsInCycles(table, inCycles));
            TableRebuild rebuild = rebuilds.get(table.qualifiedName());
            Steps steps = new Steps();
            if (rebuild == null) {
                steps.add("DROP TABLE " + PlanDdl.name(table), Hazard.BLOCKS_READS_AND_WRITES, Hazard.DELETES_DATA);
            } else {
                rebuild.save(steps);
                rebuild.drop(steps);
            }
            drops.dropped(DependencyGraph.ref(table), inCycles::contains, steps);
        }
    }

    /**
     * The parts of a table the plan drops that call a routine it also drops whose body reads the table
     * (a policy or check over a function with a SQL-standard body): neither the table nor the routine
     * can go while the other stands, so these parts go first; {@code members} gets the parts dropped.
     */
    private Steps partsInCycles(Table table, Set<String> members) {
        ObjectRef self = DependencyGraph.ref(table);
        Steps steps = new Steps();
        dropped.graph.needs(self).stream()
                .filter(d -> d.dependent().member() != null && d.referenced().kind() == ObjectRef.Kind.ROUTINE)
                .filter(d -> dropped.routines.contains(d.referenced().schema() + "." + d.referenced().name()))
                .filter(d -> dropped.graph.requiredObjects(d.referenced()).contains(self))
                .map(d -> d.dependent().member()).distinct().forEach(member -> {
                    String sql = dropPart(table, member);
                    if (sql != null) {
                        steps.add(sql);
                        members.add(member);
                    }
                });
        return steps;
    }

    /** The statement that drops a policy, trigger, index, check or default of the table, or null for another part. */
    private static String dropPart(Table table, String member) {
        String name = member.substring(member.indexOf(' ') + 1);
        String on = " ON " + PlanDdl.name(table);
        if (member.startsWith("policy ")) {
            return "DROP POLICY " + PlanDdl.ident(name) + on;
        } else if (member.startsWith("trigger ")) {
            return "DROP TRIGGER " + PlanDdl.ident(name) + on;
        } else if (member.startsWith("index ")) {
            return "DROP INDEX " + PlanDdl.sibling(table, name);
        } else if (member.startsWith("constraint ") && table.constraint(name)
                .filter(c -> c.type() == Constraint.Type.CHECK && !c.inherited()).isPresent()) {
            return "ALTER TABLE " + PlanDdl.name(table) + " DROP CONSTRAINT " + PlanDdl.ident(name);
        } else if (member.startsWith("column ") && table.column(name).filter(c -> c.defaultExpression() != null).isPresent()) {
            return "ALTER TABLE " + PlanDdl.name(table) + " ALTER COLUMN " + PlanDdl.ident(name) + " DROP DEFAULT";
        }
        return null;
    }
}
