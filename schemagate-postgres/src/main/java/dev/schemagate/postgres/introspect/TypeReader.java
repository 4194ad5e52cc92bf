package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Attribute;
import dev.schemagate.model.Collation;
import dev.schemagate.model.Column;
import dev.schemagate.model.ColumnReference;
import dev.schemagate.model.CompositeType;
import dev.schemagate.model.Domain;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.EnumType;
import dev.schemagate.model.Extension;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.RangeType;
import dev.schemagate.model.Schema;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.SequenceOptions;
import dev.schemagate.model.dialect.PostgresSequence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads schemas, extensions, collations, types and sequences: what tables are built from. */
final class TypeReader {

    private final Catalog catalog;
    private final Annotations annotations;

    final List<Schema> schemas = new ArrayList<>();
    final List<Extension> extensions = new ArrayList<>();
    final List<Collation> collations = new ArrayList<>();
    final List<EnumType> enums = new ArrayList<>();
    final List<Domain> domains = new ArrayList<>();
    final List<CompositeType> compositeTypes = new ArrayList<>();
    final List<RangeType> rangeTypes = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();

    TypeReader(Catalog catalog, Annotations annotations) {
        this.catalog = catalog;
        this.annotations = annotations;
    }

    void read(Columns columns) throws SQLException {
        catalog.query("schemas", row -> schemas.add(new Schema(row.text("name"),
                annotations.owner(row.text("owner")), annotations.comment("pg_namespace", row.oid("oid")),
                annotations.privileges("pg_namespace", row.oid("oid")))));
        catalog.query("extensions", row -> extensions.add(new Extension(row.text("name"), row.text("schema"),
                row.text("version"), annotations.comment("pg_extension", row.oid("oid")))));
        catalog.query("collations", row -> collations.add(new Collation(row.text("schema"), row.text("name"),
                row.text("provider"), row.text("collate"), row.text("ctype"), row.text("locale"), row.text("rules"),
                row.bool("deterministic"), annotations.owner(row.text("owner")),
                annotations.comment("pg_collation", row.oid("oid")))));
        readTypes(columns, domainConstraints());
        readSequences();
    }

    private Map<Long, List<DomainConstraint>> domainConstraints() throws SQLException {
        Map<Long, List<DomainConstraint>> constraints = new HashMap<>();
        catalog.query("domain_constraints", row -> constraints.computeIfAbsent(row.oid("domain"), d -> new ArrayList<>())
                .add(new DomainConstraint(row.text("name"), row.text("definition"), row.bool("validated"),
                        annotations.comment("pg_constraint", row.oid("oid")))));
        return constraints;
    }

    private void readTypes(Columns columns, Map<Long, List<DomainConstraint>> constraints)
            throws SQLException {
        catalog.query("types", row -> {
            long oid = row.oid("oid");
            String schema = row.text("schema");
            String name = row.text("name");
            String owner = annotations.owner(row.text("owner"));
            String comment = annotations.comment("pg_type", oid);
            switch (row.text("kind")) {
                case "e" -> enums.add(new EnumType(schema, name, row.texts("labels"), owner, comment,
                        annotations.privileges("pg_type", oid)));
                case "d" -> domains.add(new Domain(schema, name, row.text("base_type"), row.text("domain_collation"),
                        row.text("default_expression"), row.bool("not_null"), constraints.get(oid), owner, comment,
                        annotations.privileges("pg_type", oid)));
                case "r" -> rangeTypes.add(new RangeType(schema, name, row.text("subtype"),
                        row.text("subtype_opclass"), row.text("range_collation"), row.text("canonical"),
                        row.text("subtype_diff"), row.text("multirange"), owner, comment,
                        annotations.privileges("pg_type", oid)));
                default -> compositeTypes.add(new CompositeType(schema, name,
                        attributes(columns.of(row.oid("relation"))), owner, comment,
                        annotations.privileges("pg_type", oid)));
            }
        });
    }

    private static List<Attribute> attributes(List<Column> columns) {
        return columns.stream().map(column -> new Attribute(column.name(), column.type(), column.collation())).toList();
    }

    void readSequences() throws SQLException {
        catalog.query("sequences", row -> {
            long oid = row.oid("oid");
            String ownerTable = row.text("owner_table");
            ColumnReference ownedBy = ownerTable == null ? null : new ColumnReference(
                    QualifiedName.of(row.text("owner_table_schema"), ownerTable), row.text("owner_column"));
            SequenceOptions options = new SequenceOptions(row.text("data_type"), row.number("start"),
                    row.number("increment"), row.number("min_value"), row.number("max_value"), row.number("cache"),
                    row.bool("cycle"));
            sequences.add(new Sequence(row.text("schema"), row.text("name"), options,
                    annotations.owner(row.text("owner")), annotations.comment("pg_class", oid),
                    annotations.privileges("pg_class", oid), new PostgresSequence(ownedBy)));
        });
    }
}
