package dev.schemagate.postgres.plan;

import dev.schemagate.diff.RecordFields;
import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.SnapshotComparison;
import dev.schemagate.model.Domain;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.Extension;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.Column;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The objects changed in place rather than dropped and created again: enums that only gained
 * labels, domains whose base type stays, sequences and extensions.
 */
final class TypeChanges {

    private TypeChanges() {
    }

    /** Only labels were added (the old ones keep their order), so ALTER TYPE ... ADD VALUE does it. */
    static boolean extendsEnum(EnumType from, EnumType to) {
        if (!RecordFields.sameExcept(from, to, "labels", "comment", "owner", "privileges")) {
            return false;
        }
        List<String> kept = to.labels().stream().filter(from.labels()::contains).toList();
        return kept.equals(from.labels());
    }

    /**
     * Labels go or move, nothing else changes: a new type takes the old one's name, the columns are
     * converted to it through text (a row holding a label that goes makes the conversion fail, so no
     * value is lost), and the old type is dropped.
     */
    static boolean retypesEnum(EnumType from, EnumType to) {
        return !extendsEnum(from, to) && RecordFields.sameExcept(from, to, "labels", "comment", "owner", "privileges");
    }

    /** Renames the old type out of the way and creates the new one: before the columns are converted. */
    static void replaceEnum(EnumType to, Steps steps) {
        String change = SnapshotComparison.label(to);
        steps.addServing(change, "ALTER TYPE " + PlanDdl.name(to) + " RENAME TO " + PlanDdl.ident(oldName(to)));
        steps.addServing(change, "CREATE TYPE " + PlanDdl.name(to) + " AS ENUM (" + String.join(", ",
                to.labels().stream().map(PlanDdl::literal).toList()) + ")");
    }

    /** Converts one column to the new type, its default set again after. */
    static void convertColumn(EnumType type, Table table, Column from, Column to, Steps steps) {
        String change = SnapshotComparison.label(type);
        String alter = "ALTER TABLE " + PlanDdl.name(table) + " ALTER COLUMN " + PlanDdl.ident(to.name());
        if (from.defaultExpression() != null) {
            steps.addServing(change, alter + " DROP DEFAULT", Hazard.BLOCKS_READS_AND_WRITES);
        }
        String text = to.type().endsWith("[]") ? "::text[]::" : "::text::";
        steps.addServing(change, alter + " TYPE " + to.type() + " USING " + PlanDdl.ident(to.name()) + text + to.type(),
                Hazard.BLOCKS_READS_AND_WRITES, Hazard.REWRITES_TABLE);
        if (to.defaultExpression() != null) {
            steps.addServing(change, alter + " SET DEFAULT " + to.defaultExpression(), Hazard.BLOCKS_READS_AND_WRITES);
        }
    }

    /** Drops the old type once no column uses it. */
    static void dropOldEnum(EnumType to, Steps steps) {
        steps.addServing(SnapshotComparison.label(to), "DROP TYPE " + PlanDdl.sibling(to, oldName(to)));
    }

    private static String oldName(EnumType type) {
        return type.name() + "__old";
    }

    static void extendEnum(EnumType from, EnumType to, Steps steps) {
        List<String> labels = new ArrayList<>(from.labels());
        for (int i = 0; i < to.labels().size(); i++) {
            String label = to.labels().get(i);
            if (labels.contains(label)) {
                continue;
            }
            String alter = "ALTER TYPE " + PlanDdl.name(to) + " ADD VALUE " + PlanDdl.literal(label);
            if (i > 0) {
                steps.add(alter + " AFTER " + PlanDdl.literal(to.labels().get(i - 1)));
            } else if (!labels.isEmpty()) {
                steps.add(alter + " BEFORE " + PlanDdl.literal(labels.get(0)));
            } else {
                steps.add(alter);
            }
            labels.add(label);
        }
    }

    /** The base type and collation stay, so ALTER DOMAIN can do the rest. */
    static boolean altersDomain(Domain from, Domain to) {
        return RecordFields.sameExcept(from, to, "defaultExpression", "notNull", "constraints", "comment", "owner",
                "privileges");
    }

    /**
     * ALTER DOMAIN: constraints that change, or call a routine the plan drops, are dropped in {@code early}
     * and added again in {@code late}, with the default and NOT NULL.
     */
    static void alterDomain(Domain from, Domain to, Predicate<String> callsDropped, Steps early, Steps late) {
        String alter = "ALTER DOMAIN " + PlanDdl.name(to);
        List<String> dropped = new ArrayList<>();
        for (DomainConstraint constraint : from.constraints()) {
            Optional<DomainConstraint> target = to.constraints().stream()
                    .filter(c -> c.name().equals(constraint.name())).findFirst();
            if (target.isEmpty() || !RecordFields.sameExcept(constraint, target.get(), "comment")
                    || callsDropped.test(constraint.name())) {
                early.add(alter + " DROP CONSTRAINT " + PlanDdl.ident(constraint.name()));
                dropped.add(constraint.name());
            }
        }
        if (!Objects.equals(from.defaultExpression(), to.defaultExpression())) {
            late.add(to.defaultExpression() == null ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + to.defaultExpression());
        }
        boolean namedNotNull = to.constraints().stream().anyMatch(c -> c.definition().equals("NOT NULL"))
                || from.constraints().stream().anyMatch(c -> c.definition().equals("NOT NULL"));
        if (from.notNull() != to.notNull() && !namedNotNull) {
            late.add(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        for (DomainConstraint constraint : to.constraints()) {
            Optional<DomainConstraint> before = from.constraints().stream()
                    .filter(c -> c.name().equals(constraint.name())).findFirst();
            if (before.isEmpty() || dropped.contains(constraint.name())) {
                late.add(alter + " ADD CONSTRAINT " + PlanDdl.ident(constraint.name()) + " " + constraint.definition());
            }
        }
    }

    static void alterSequence(Sequence from, Sequence to, Steps steps) {
        if (!from.options().equals(to.options())) {
            steps.add("ALTER SEQUENCE " + PlanDdl.name(to) + " " + PlanDdl.sequenceOptions(to.options()));
        }
    }

    static void alterExtension(Extension from, Extension to, Steps steps) {
        String alter = "ALTER EXTENSION " + PlanDdl.ident(to.name());
        if (!from.schema().equals(to.schema())) {
            steps.add(alter + " SET SCHEMA " + PlanDdl.ident(to.schema()));
        }
        if (from.version().equals(to.version())) {
            return;
        }
        if (older(to.version(), from.version())) {
            steps.add("DROP EXTENSION " + PlanDdl.ident(to.name()));
            steps.add("CREATE EXTENSION " + PlanDdl.ident(to.name()) + " WITH SCHEMA " + PlanDdl.ident(to.schema())
                    + " VERSION " + PlanDdl.literal(to.version()));
        } else {
            steps.add(alter + " UPDATE TO " + PlanDdl.literal(to.version()), Hazard.BLOCKS_READS_AND_WRITES);
        }
    }

    /**
     * Version {@code a} comes before {@code b}, comparing dotted numbers part by part. Extensions
     * seldom ship downgrade scripts, so going back is a drop and a create at the older version.
     */
    static boolean older(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (left[i].matches("\\d+") && right[i].matches("\\d+")) {
                int order = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
                if (order != 0) {
                    return order < 0;
                }
            } else if (!left[i].equals(right[i])) {
                return left[i].compareTo(right[i]) < 0;
            }
        }
        return left.length < right.length;
    }
}
