package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Attribute;
import dev.schemagate.model.Collation;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Domain;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.Extension;
import dev.schemagate.model.RangeType;
import dev.schemagate.model.Schema;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.ColumnReference;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.SequenceOptions;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes what tables are built from: schemas, extensions, collations, types and sequences. */
final class TypeDdl {

    private TypeDdl() {
    }

    static void schemasAndExtensions(Snapshot snapshot, Script script, boolean extensionVersions) {
        script.section("Schemas");
        if (snapshot.schema("public").isEmpty()) {
            script.add("DROP SCHEMA IF EXISTS public");
        }
        for (Schema schema : snapshot.schemas()) {
            String create = schema.name().equals("public") ? "CREATE SCHEMA IF NOT EXISTS " : "CREATE SCHEMA ";
            script.add(create + Sql.ident(schema.name()));
        }
        extensionsAndCollations(snapshot, script, extensionVersions);
    }

    static void extensionsAndCollations(Snapshot snapshot, Script script) {
        extensionsAndCollations(snapshot, script, true);
    }

    /** Without {@code versions}, each extension is created at the server's default version, so the file loads on every major. */
    static void extensionsAndCollations(Snapshot snapshot, Script script, boolean versions) {
        script.section("Extensions");
        for (Extension extension : snapshot.postgres().extensions()) {
            script.add("CREATE EXTENSION IF NOT EXISTS " + Sql.ident(extension.name()) + " WITH SCHEMA "
                    + Sql.ident(extension.schema()) + (versions ? " VERSION " + Sql.literal(extension.version()) : ""));
        }
        script.section("Collations");
        snapshot.postgres().collations().forEach(collation -> script.add(collation(collation), DependencyGraph.ref(collation)));
    }

    private static String collation(Collation collation) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + collation.provider());
        if (collation.collate() != null) {
            options.add("lc_collate = " + Sql.literal(collation.collate()));
            options.add("lc_ctype = " + Sql.literal(collation.ctype()));
        }
        if (collation.locale() != null) {
            options.add("locale = " + Sql.literal(collation.locale()));
        }
        if (collation.rules() != null) {
            options.add("rules = " + Sql.literal(collation.rules()));
        }
        if (!collation.deterministic()) {
            options.add("deterministic = false");
        }
        return "CREATE COLLATION " + Sql.name(collation) + " (" + String.join(", ", options) + ")";
    }

    /** Enums, domains (without their constraints), composite and range types, each after the types it uses. */
    static void types(Snapshot snapshot, Script script) {
        script.section("Types");
        List<SchemaObject> types = Stream.of(snapshot.postgres().enums(), snapshot.postgres().domains(), snapshot.postgres().compositeTypes(),
                snapshot.postgres().rangeTypes()).flatMap(List::stream).map(SchemaObject.class::cast).toList();
        for (SchemaObject type : DependencyOrder.sort(types, Sql::name, TypeDdl::usedTypes)) {
            script.add(createType(type), DependencyGraph.ref(type));
        }
    }

    static List<String> usedTypes(SchemaObject type) {
        Stream<String> used = Stream.empty();
        if (type instanceof Domain domain) {
            used = Stream.of(domain.baseType());
        } else if (type instanceof CompositeType composite) {
            used = composite.attributes().stream().map(Attribute::type);
        } else if (type instanceof RangeType range) {
            used = Stream.of(range.subtype());
        }
        return used.map(TypeDdl::withoutModifiers).toList();
    }

    /** {@code public.money(10,2)[]} to {@code public.money}: the name of the type a type string uses. */
    static String withoutModifiers(String type) {
        String name = type.endsWith("[]") ? type.substring(0, type.indexOf("[]")) : type;
        int modifiers = name.endsWith(")") ? name.lastIndexOf('(') : -1;
        return modifiers > 0 ? name.substring(0, modifiers) : name;
    }

    private static String createType(SchemaObject type) {
        if (type instanceof EnumType enumType) {
            return "CREATE TYPE " + Sql.name(enumType) + " AS ENUM ("
                    + enumType.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
        }
        if (type instanceof Domain domain) {
            return createDomain(domain);
        }
        if (type instanceof CompositeType composite) {
            return "CREATE TYPE " + Sql.name(composite) + " AS ("
                    + composite.attributes().stream().map(TypeDdl::attribute).collect(Collectors.joining(", ")) + ")";
        }
        return createRange((RangeType) type);
    }

    private static String attribute(Attribute attribute) {
        return Sql.ident(attribute.name()) + " " + attribute.type()
                + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation());
    }

    private static String createDomain(Domain domain) {
        StringBuilder create = new StringBuilder("CREATE DOMAIN ").append(Sql.name(domain)).append(" AS ")
                .append(domain.baseType());
        if (domain.collation() != null) {
            create.append(" COLLATE ").append(domain.collation());
        }
        if (domain.defaultExpression() != null) {
            create.append(" DEFAULT ").append(domain.defaultExpression());
        }
        boolean namedNotNull = domain.constraints().stream().anyMatch(c -> c.definition().equals("NOT NULL"));
        if (domain.notNull() && !namedNotNull) {
            create.append(" NOT NULL");
        }
        return create.toString();
    }

    private static String createRange(RangeType range) {
        List<String> options = new ArrayList<>();
        options.add("SUBTYPE = " + range.subtype());
        addOption(options, "SUBTYPE_OPCLASS", range.subtypeOpclass());
        addOption(options, "COLLATION", range.collation());
        addOption(options, "CANONICAL", range.canonical());
        addOption(options, "SUBTYPE_DIFF", range.subtypeDiff());
        addOption(options, "MULTIRANGE_TYPE_NAME", range.multirange());
        return "CREATE TYPE " + Sql.name(range) + " AS RANGE (" + String.join(", ", options) + ")";
    }

    private static void addOption(List<String> options, String option, String value) {
        if (value != null) {
            options.add(option + " = " + value);
        }
    }

    static void domainConstraints(Snapshot snapshot, Script script) {
        script.section("Domain constraints");
        for (Domain domain : snapshot.postgres().domains()) {
            for (DomainConstraint constraint : domain.constraints()) {
                script.add("ALTER DOMAIN " + Sql.name(domain) + " ADD CONSTRAINT " + Sql.ident(constraint.name())
                        + " " + constraint.definition(), DependencyGraph.part(domain, "domain constraint " + constraint.name()));
            }
        }
    }

    static void sequences(Snapshot snapshot, Script script) {
        script.section("Sequences");
        for (Sequence sequence : snapshot.sequences()) {
            script.add("CREATE SEQUENCE " + Sql.name(sequence) + " " + sequenceOptions(sequence.options()),
                    DependencyGraph.ref(sequence));
        }
    }

    static void sequenceOwners(Snapshot snapshot, Script script) {
        script.section("Sequence owners");
        for (Sequence sequence : snapshot.sequences()) {
            ColumnReference ownedBy = sequence.postgres().ownedBy();
            if (ownedBy != null) {
                script.add("ALTER SEQUENCE " + Sql.name(sequence) + " OWNED BY " + Sql.name(ownedBy.table())
                        + "." + Sql.ident(ownedBy.column()));
            }
        }
    }

    static String sequenceOptions(SequenceOptions options) {
        return "AS " + options.dataType() + " INCREMENT BY " + options.increment() + " MINVALUE " + options.minValue()
                + " MAXVALUE " + options.maxValue() + " START WITH " + options.start() + " CACHE " + options.cache()
                + (options.cycle() ? " CYCLE" : " NO CYCLE");
    }
}
