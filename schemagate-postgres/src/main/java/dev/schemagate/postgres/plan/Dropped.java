package dev.schemagate.postgres.plan;

import dev.schemagate.diff.RecordFields;
import dev.schemagate.model.Attribute;
import dev.schemagate.model.Collation;
import dev.schemagate.model.Column;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Dependency;
import dev.schemagate.model.Domain;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.RangeType;
import dev.schemagate.model.Routine;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.View;
import dev.schemagate.postgres.ddl.DependencyGraph;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides which objects a plan drops: those the target does not have, those that cannot be changed
 * in place, and, until nothing more is added, everything that depends on a dropped object (a view
 * over a dropped table, a table with a column of a dropped type, a partition of a dropped table, and
 * any view or routine that the source's recorded dependencies say needs a dropped routine, view or type).
 */
final class Dropped {

    final Set<String> types = new HashSet<>();
    final Set<QualifiedName> collations = new HashSet<>();
    final Set<QualifiedName> tables = new HashSet<>();
    final Set<QualifiedName> views = new HashSet<>();
    final Set<String> routines = new HashSet<>();
    /** Enums whose labels go or move: replaced by a new type the columns are converted to, not dropped. */
    final Set<String> retypedEnums = new HashSet<>();

    private final Snapshot from;
    private final Snapshot to;
    private final boolean columnOrder;
    /** The dependencies the source records. */
    final DependencyGraph graph;

    Dropped(Snapshot from, Snapshot to, boolean columnOrder) {
        this.from = from;
        this.to = to;
        this.columnOrder = columnOrder;
        this.graph = new DependencyGraph(from);
        for (Collation collation : from.postgres().collations()) {
            Optional<Collation> target = find(to.postgres().collations(), collation);
            if (target.isEmpty() || !RecordFields.sameExcept(collation, target.get(), "comment", "owner")) {
                collations.add(collation.qualifiedName());
            }
        }
        for (EnumType type : from.postgres().enums()) {
            to.postgres().enumType(type.qualifiedName()).filter(target -> TypeChanges.retypesEnum(type, target))
                    .filter(target -> !usedByOtherTypes(PlanDdl.name(type))).ifPresent(target -> retypedEnums.add(PlanDdl.name(type)));
        }
        boolean grew = true;
        while (grew) {
            grew = types() | tables() | programs();
        }
    }

    private boolean types() {
        boolean grew = false;
        for (SchemaObject type : types(from).toList()) {
            String key = PlanDdl.name(type);
            if (types.contains(key)) {
                continue;
            }
            Optional<SchemaObject> target = types(to).filter(t -> PlanDdl.name(t).equals(key)).findFirst();
            if (target.isEmpty() || !changeableInPlace(type, target.get()) || usesDroppedType(type)) {
                grew |= types.add(key);
            }
        }
        return grew;
    }

    private static Stream<SchemaObject> types(Snapshot snapshot) {
        return Stream.of(snapshot.postgres().enums(), snapshot.postgres().domains(), snapshot.postgres().compositeTypes(), snapshot.postgres().rangeTypes())
                .flatMap(List::stream).map(SchemaObject.class::cast);
    }

    private boolean changeableInPlace(SchemaObject from, SchemaObject to) {
        if (from instanceof EnumType a && to instanceof EnumType b) {
            return TypeChanges.extendsEnum(a, b) || retypedEnums.contains(PlanDdl.name(a));
        }
        if (from instanceof Domain a && to instanceof Domain b) {
            return TypeChanges.altersDomain(a, b);
        }
        return from.getClass() == to.getClass() && RecordFields.sameExcept((Record) from, (Record) to, "comment", "owner",
                "privileges");
    }

    private boolean usesDroppedType(SchemaObject type) {
        if (type instanceof Domain domain) {
            return droppedType(domain.baseType());
        }
        if (type instanceof CompositeType composite) {
            return composite.attributes().stream().map(Attribute::type).anyMatch(this::droppedType);
        }
        return type instanceof RangeType range && droppedType(range.subtype());
    }

    private boolean usedByOtherTypes(String name) {
        return Stream.of(from, to).flatMap(Dropped::types).filter(type -> !(type instanceof EnumType))
                .anyMatch(type -> PlanDdl.usedTypes(type).contains(name));
    }

    /** The type string is, or is an array of, an enum the plan converts to a new type. */
    boolean retyped(String type) {
        return retypedEnums.contains(PlanDdl.typeName(type));
    }

    private boolean usesRetypedEnum(Table table) {
        return table.columns().stream().anyMatch(column -> retyped(column.type()));
    }

    boolean droppedType(String type) {
        return types.contains(PlanDdl.typeName(type));
    }

    private boolean tables() {
        boolean grew = false;
        for (Table table : from.tables()) {
            if (tables.contains(table.qualifiedName())) {
                continue;
            }
            Optional<Table> target = to.table(table.qualifiedName());
            boolean drop = target.isEmpty() || !TableAlteration.possible(table, target.get(), columnOrder)
                    || table.parents().stream().anyMatch(tables::contains)
                    || (table.postgres().ofType() != null && types.contains(table.postgres().ofType()))
                    || columnsUseDroppedType(table.columns()) || columnsUseDroppedCollation(table.columns());
            if (drop) {
                grew |= tables.add(table.qualifiedName());
            }
        }
        return grew;
    }

    private boolean columnsUseDroppedType(List<Column> columns) {
        return columns.stream().anyMatch(column -> droppedType(column.type()));
    }

    private boolean columnsUseDroppedCollation(List<Column> columns) {
        return columns.stream().map(Column::collation).filter(Objects::nonNull)
                .anyMatch(collation -> collations.stream().anyMatch(c -> PlanDdl.name(c).equals(collation)));
    }

    private boolean programs() {
        boolean grew = false;
        for (View view : from.views()) {
            if (views.contains(view.qualifiedName())) {
                continue;
            }
            Optional<View> target = to.view(view.qualifiedName());
            boolean drop = target.isEmpty() || !RecordFields.sameExcept(view, target.get(), "comment", "owner", "privileges")
                    && !replaceable(view, target.get())
                    || view.dependsOn().stream().anyMatch(this::relationDroppedOrReshaped) || needsDropped(view)
                    || columnsUseDroppedType(view.columns()) || view.columns().stream().anyMatch(c -> retyped(c.type()));
            if (drop) {
                grew |= views.add(view.qualifiedName());
            }
        }
        for (Routine routine : from.routines()) {
            if (routines.contains(routine.signature())) {
                continue;
            }
            Optional<Routine> target = to.routines().stream().filter(r -> r.signature().equals(routine.signature()))
                    .findFirst();
            boolean drop = target.isEmpty() || (!replaceable(routine, target.get()))
                    || routine.dependsOn().stream().anyMatch(this::relationDroppedOrReshaped) || needsDropped(routine)
                    || Stream.concat(types.stream(), retypedEnums.stream()).anyMatch(type -> mentions(routine, type));
            if (drop) {
                grew |= routines.add(routine.signature());
            }
        }
        return grew;
    }

    /** The part of the object ({@code column c}; with null, any part) calls a routine the plan drops. */
    boolean callsDropped(SchemaObject object, String member) {
        return graph.needs(DependencyGraph.ref(object)).stream()
                .filter(d -> member == null ? d.dependent().member() != null : member.equals(d.dependent().member()))
                .anyMatch(d -> d.referenced().kind() == ObjectRef.Kind.ROUTINE && goes(d.referenced()));
    }

    /** The object, or a part of it, needs a routine, view, type or collation the plan drops or replaces. */
    private boolean needsDropped(SchemaObject object) {
        return graph.needs(DependencyGraph.ref(object)).stream().map(Dependency::referenced).anyMatch(this::goes);
    }

    private boolean goes(ObjectRef object) {
        QualifiedName name = QualifiedName.of(object.schema(), object.name());
        return switch (object.kind()) {
            case ROUTINE -> routines.contains(object.schema() + "." + object.name());
            case VIEW -> views.contains(name);
            case ENUM_TYPE, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE ->
                    types.contains(PlanDdl.name(name)) || retypedEnums.contains(PlanDdl.name(name));
            case COLLATION -> collations.contains(name);
            default -> false;
        };
    }

    /**
     * CREATE OR REPLACE VIEW can turn one into the other: plain views alike but for their query, the
     * target keeping every column as it was and adding new ones, without defaults, only at the end.
     */
    static boolean replaceable(View from, View to) {
        List<Column> columns = to.columns();
        return !from.materialized() && RecordFields.sameExcept(from, to, "definition", "columns", "dependsOn", "comment",
                "owner", "privileges") && columns.size() >= from.columns().size()
                && columns.subList(0, from.columns().size()).equals(from.columns())
                && columns.subList(from.columns().size(), columns.size()).stream()
                .allMatch(c -> c.defaultExpression() == null && c.postgres().statisticsTarget() == null && c.comment() == null);
    }

    /** CREATE OR REPLACE can turn one into the other: same kind, arguments and result. */
    static boolean replaceable(Routine from, Routine to) {
        return from.equals(to) || to.definition() != null && to.definition().startsWith("CREATE OR REPLACE")
                && from.kind() == to.kind() && Objects.equals(from.result(), to.result())
                && Objects.equals(from.arguments(), to.arguments());
    }

    private static boolean mentions(Routine routine, String type) {
        return routine.arguments().contains(type) || (routine.result() != null && routine.result().contains(type));
    }

    private boolean relationDroppedOrReshaped(QualifiedName name) {
        if (tables.contains(name) || views.contains(name)) {
            return true;
        }
        Optional<Table> before = from.table(name);
        if (before.isPresent() && usesRetypedEnum(before.get())) {
            return true;
        }
        Optional<Table> after = to.table(name);
        return before.isPresent() && after.isPresent() && ColumnAlteration.structural(before.get(), after.get());
    }

    private static <T extends SchemaObject> Optional<T> find(List<T> items, T wanted) {
        return items.stream().filter(item -> item.qualifiedName().equals(wanted.qualifiedName())).findFirst();
    }
}
