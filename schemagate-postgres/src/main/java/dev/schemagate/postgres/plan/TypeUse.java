package dev.schemagate.postgres.plan;

import dev.schemagate.model.Attribute;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Domain;
import dev.schemagate.model.RangeType;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.List;
import java.util.stream.Stream;

/** The types a user-defined type is built from, by name, so types are dropped before what they use. */
final class TypeUse {

    private TypeUse() {
    }

    static List<String> of(SchemaObject type) {
        Stream<String> used = Stream.empty();
        if (type instanceof Domain domain) {
            used = Stream.of(domain.baseType());
        } else if (type instanceof CompositeType composite) {
            used = composite.attributes().stream().map(Attribute::type);
        } else if (type instanceof RangeType range) {
            used = Stream.of(range.subtype());
        }
        return used.map(PlanDdl::typeName).toList();
    }
}
