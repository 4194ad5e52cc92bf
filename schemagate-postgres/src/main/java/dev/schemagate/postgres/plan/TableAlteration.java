package dev.schemagate.postgres.plan;

import dev.schemagate.diff.RecordFields;
import dev.schemagate.diff.Hazard;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.Index;
import dev.schemagate.model.Policy;
import dev.schemagate.model.ReplicaIdentity;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one table into another in place, in the phases a plan interleaves with the rest: its
 * constraints, indexes, triggers and policies that change are dropped early and added again late,
 * foreign keys apart so they go before the keys they reference and come back after them.
 */
final class TableAlteration {

    final Steps dropForeignKeys = new Steps();
    final Steps dropOthers = new Steps();
    final Steps dropColumns = new Steps();
    /** The parts that each drop phase drops, or takes a default from, as a dependency names them ({@code constraint k}). */
    final Set<String> foreignKeysDropped = new HashSet<>();
    final Set<String> partsDropped = new HashSet<>();
    final Set<String> columnsDropped = new HashSet<>();
    final Steps columns = new Steps();
    final Steps addKeys = new Steps();
    final Steps addForeignKeys = new Steps();
    final Steps programs = new Steps();

    private final PlanContext context;
    private final Table from;
    private final Table to;
    private final String alter;
    private final List<String> droppedIndexes = new ArrayList<>();
    private final List<String> droppedConstraints = new ArrayList<>();
    private final List<String> droppedTriggers = new ArrayList<>();
    private final List<String> droppedPolicies = new ArrayList<>();

    TableAlteration(PlanContext context, Table from, Table to) {
        this.context = context;
        this.from = from;
        this.to = to;
        this.alter = "ALTER TABLE " + PlanDdl.name(to);
        constraints();
        indexes();
        ColumnAlteration.write(context, from, to, dropColumns, columnsDropped, columns);
        settings();
        triggers();
        policies();
        replicaIdentityAndClustering();
    }

    /** The table as it stands before the plan. */
    Table table() {
        return from;
    }

    /** The table can be changed in place rather than dropped and created again. */
    static boolean possible(Table from, Table to, boolean columnOrder) {
        PostgresTable a = from.postgres();
        PostgresTable b = to.postgres();
        boolean plain = a.partitionKey() == null && a.partitionOf() == null;
        return (a.unlogged() == b.unlogged() || plain) && Objects.equals(a.partitionKey(), b.partitionKey())
                && Objects.equals(a.partitionOf(), b.partitionOf())
                && Objects.equals(a.partitionBound(), b.partitionBound()) && a.inherits().equals(b.inherits())
                && Objects.equals(a.ofType(), b.ofType()) && Objects.equals(a.accessMethod(), b.accessMethod())
                && ColumnAlteration.possible(from, to, columnOrder);
    }

    /** The table as it stands once the early drops have run: what the comments and grants are compared with. */
    Table survivor() {
        PostgresTable own = from.postgres();
        return new Table(from.schema(), from.name(), from.columns(),
                from.constraints().stream().filter(c -> !droppedConstraints.contains(c.name())).toList(),
                from.indexes().stream().filter(i -> !droppedIndexes.contains(i.name())).toList(),
                from.triggers().stream().filter(t -> !droppedTriggers.contains(t.name())).toList(),
                from.owner(), from.comment(), from.privileges(),
                new PostgresTable(own.unlogged(),
                        own.policies().stream().filter(p -> !droppedPolicies.contains(p.name())).toList(),
                        own.partitionKey(), own.partitionOf(), own.partitionBound(), own.inherits(), own.ofType(),
                        own.accessMethod(), own.options(), own.replicaIdentity(), own.rowSecurity(),
                        own.forceRowSecurity()), from.sqlite(), from.mysql());
    }

    private void constraints() {
        for (Constraint constraint : from.constraints()) {
            Optional<Constraint> target = to.constraint(constraint.name());
            if (constraint.inherited() || (target.isPresent() && same(constraint, target.get()))) {
                continue;
            }
            if (target.isPresent() && onlyValidated(constraint, target.get())) {
                addForeignKeys.add(alter + " VALIDATE CONSTRAINT " + PlanDdl.ident(constraint.name()));
                continue;
            }
            droppedConstraints.add(constraint.name());
            boolean foreignKey = constraint.type() == Constraint.Type.FOREIGN_KEY;
            (foreignKey ? foreignKeysDropped : partsDropped).add("constraint " + constraint.name());
            (foreignKey ? dropForeignKeys : dropOthers)
                    .add(alter + " DROP CONSTRAINT " + PlanDdl.ident(constraint.name()), Hazard.BLOCKS_READS_AND_WRITES);
        }
        for (Constraint constraint : to.constraints()) {
            Optional<Constraint> before = from.constraint(constraint.name());
            boolean kept = before.isPresent() && !droppedConstraints.contains(constraint.name());
            if (constraint.inherited() || kept) {
                continue;
            }
            String sql = (constraint.postgres().noInherit() ? "ALTER TABLE ONLY " + PlanDdl.name(to) : alter)
                    + PlanDdl.addConstraint(constraint);
            switch (constraint.type()) {
                case FOREIGN_KEY -> addForeignKeys.add(sql);
                case CHECK -> addKeys.add(sql, Hazard.BLOCKS_READS_AND_WRITES);
                default -> addKeys.add(sql, Hazard.BLOCKS_READS_AND_WRITES, Hazard.BUILDS_INDEX);
            }
        }
    }

    private boolean same(Constraint a, Constraint b) {
        boolean referenceDropped = b.referencedTable() != null && context.droppedTables().contains(b.referencedTable());
        return !referenceDropped && !context.mentionsRetyped(a.definition())
                && !context.callsDropped(from, "constraint " + a.name()) && RecordFields.sameExcept(a, b, "comment");
    }

    private static boolean onlyValidated(Constraint from, Constraint to) {
        return !from.validated() && to.validated()
                && RecordFields.sameExcept(from, to, "comment", "validated", "definition")
                && from.definition().replace(" NOT VALID", "").equals(to.definition());
    }

    private void indexes() {
        for (Index index : from.indexes()) {
            Optional<Index> target = to.index(index.name());
            boolean same = target.isPresent() && !context.mentionsRetyped(index.definition())
                    && !context.callsDropped(from, "index " + index.name())
                    && RecordFields.sameExcept(index, target.get(), "comment", "clustered", "replicaIdentity");
            if (index.constraint() != null && droppedConstraints.contains(index.constraint())) {
                droppedIndexes.add(index.name());
            }
            if (same || index.constraint() != null) {
                continue;
            }
            droppedIndexes.add(index.name());
            if (index.postgres().parent() == null) {
                partsDropped.add("index " + index.name());
                dropOthers.add("DROP INDEX " + PlanDdl.sibling(from, index.name()), Hazard.BLOCKS_READS_AND_WRITES);
            }
        }
        for (Index index : to.indexes()) {
            boolean kept = from.index(index.name()).isPresent() && !droppedIndexes.contains(index.name());
            if (kept) {
                continue;
            }
            if (index.constraint() == null) {
                addKeys.add(index.definition(), Hazard.BUILDS_INDEX);
                if (index.postgres().parent() != null) {
                    addKeys.add("ALTER INDEX " + PlanDdl.name(index.postgres().parent()) + " ATTACH PARTITION "
                            + PlanDdl.sibling(to, index.name()));
                }
            } else if (!index.postgres().options().isEmpty()) {
                addKeys.add("ALTER INDEX " + PlanDdl.sibling(to, index.name()) + " SET ("
                        + String.join(", ", index.postgres().options()) + ")");
            }
        }
    }

    private void settings() {
        if (from.postgres().unlogged() != to.postgres().unlogged()) {
            columns.add(alter + (to.postgres().unlogged() ? " SET UNLOGGED" : " SET LOGGED"), Hazard.BLOCKS_READS_AND_WRITES,
                    Hazard.REWRITES_TABLE);
        }
        if (!from.postgres().options().equals(to.postgres().options())) {
            if (!from.postgres().options().isEmpty()) {
                columns.add(alter + " RESET (" + String.join(", ", from.postgres().options().stream()
                        .map(option -> option.substring(0, option.indexOf('='))).toList()) + ")", Hazard.BLOCKS_READS_AND_WRITES);
            }
            if (!to.postgres().options().isEmpty()) {
                columns.add(alter + " SET (" + String.join(", ", to.postgres().options()) + ")", Hazard.BLOCKS_READS_AND_WRITES);
            }
        }
        String only = "ALTER TABLE ONLY " + PlanDdl.name(to);
        if (from.postgres().rowSecurity() != to.postgres().rowSecurity()) {
            programs.add(only + (to.postgres().rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY", Hazard.BLOCKS_READS_AND_WRITES);
        }
        if (from.postgres().forceRowSecurity() != to.postgres().forceRowSecurity()) {
            programs.add(only + (to.postgres().forceRowSecurity() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY",
                    Hazard.BLOCKS_READS_AND_WRITES);
        }
    }

    private void triggers() {
        for (Trigger trigger : from.triggers()) {
            Optional<Trigger> target = to.trigger(trigger.name());
            boolean functionDropped = context.droppedFunctions().contains(trigger.postgres().function())
                    || context.callsDropped(from, "trigger " + trigger.name());
            boolean same = target.isPresent() && !functionDropped
                    && RecordFields.sameExcept(trigger, target.get(), "comment", "enabled");
            if (trigger.inherited() || same) {
                continue;
            }
            droppedTriggers.add(trigger.name());
            partsDropped.add("trigger " + trigger.name());
            dropOthers.add("DROP TRIGGER " + PlanDdl.ident(trigger.name()) + " ON " + PlanDdl.name(from));
        }
        for (Trigger trigger : to.triggers()) {
            Optional<Trigger> before = from.trigger(trigger.name());
            boolean kept = before.isPresent() && !droppedTriggers.contains(trigger.name());
            if (trigger.inherited()) {
                continue;
            }
            if (!kept) {
                programs.add(trigger.definition());
            }
            Enablement was = kept ? before.get().postgres().enabled() : Enablement.ORIGIN;
            if (trigger.postgres().enabled() != was) {
                programs.add("ALTER TABLE ONLY " + PlanDdl.name(to) + " " + PlanDdl.enable(trigger.postgres().enabled())
                        + " TRIGGER " + PlanDdl.ident(trigger.name()));
            }
        }
    }

    private void policies() {
        for (Policy policy : from.postgres().policies()) {
            Optional<Policy> target = to.postgres().policy(policy.name());
            if (target.isEmpty() || !RecordFields.sameExcept(policy, target.get(), "comment")
                    || context.callsDropped(from, "policy " + policy.name())) {
                droppedPolicies.add(policy.name());
                partsDropped.add("policy " + policy.name());
                dropOthers.add("DROP POLICY " + PlanDdl.ident(policy.name()) + " ON " + PlanDdl.name(from));
            }
        }
        for (Policy policy : to.postgres().policies()) {
            if (from.postgres().policy(policy.name()).isEmpty() || droppedPolicies.contains(policy.name())) {
                programs.add(PlanDdl.createPolicy(to, policy));
            }
        }
    }

    private void replicaIdentityAndClustering() {
        String only = "ALTER TABLE ONLY " + PlanDdl.name(to);
        Optional<Index> identity = to.indexes().stream().filter(index -> index.postgres().replicaIdentity()).findFirst();
        Optional<Index> identityBefore = from.indexes().stream().filter(index -> index.postgres().replicaIdentity()).findFirst();
        boolean identityIndexRebuilt = identity.isPresent() && droppedIndexes.contains(identity.get().name());
        if (from.postgres().replicaIdentity() != to.postgres().replicaIdentity()
                || !identity.map(Index::name).equals(identityBefore.map(Index::name)) || identityIndexRebuilt) {
            addKeys.add(only + (to.postgres().replicaIdentity() == ReplicaIdentity.INDEX && identity.isPresent()
                    ? " REPLICA IDENTITY USING INDEX " + PlanDdl.ident(identity.get().name())
                    : " REPLICA IDENTITY " + to.postgres().replicaIdentity()), Hazard.BLOCKS_READS_AND_WRITES);
        }
        Optional<Index> clustered = to.indexes().stream().filter(index -> index.postgres().clustered()).findFirst();
        Optional<Index> clusteredBefore = from.indexes().stream().filter(index -> index.postgres().clustered()).findFirst();
        boolean clusterRebuilt = clustered.isPresent() && droppedIndexes.contains(clustered.get().name());
        if (!clustered.map(Index::name).equals(clusteredBefore.map(Index::name)) || clusterRebuilt) {
            addKeys.add(only + (clustered.isPresent() ? " CLUSTER ON " + PlanDdl.ident(clustered.get().name())
                    : " SET WITHOUT CLUSTER"), Hazard.BLOCKS_READS_AND_WRITES);
        }
    }
}
