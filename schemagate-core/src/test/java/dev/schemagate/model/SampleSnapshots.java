package dev.schemagate.model;

import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.ExtendedStatistics;
import dev.schemagate.model.dialect.ForeignDataWrapper;
import dev.schemagate.model.dialect.ForeignServer;
import dev.schemagate.model.dialect.Publication;
import dev.schemagate.model.dialect.PublishedTable;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresRoutine;
import dev.schemagate.model.dialect.PostgresSequence;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import dev.schemagate.model.dialect.PostgresView;

import java.util.List;

/** A snapshot that sets every field of every kind of object, for model tests. */
final class SampleSnapshots {

    private SampleSnapshots() {
    }

    static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");
    static final QualifiedName CUSTOMERS = QualifiedName.of("shop", "customers");

    static Snapshot everything() {
        return new Snapshot(schemas(),
                List.of(new Sequence("shop", "invoice_no", new SequenceOptions("bigint", 100, 5, 1, 1_000_000, 10,
                        true), "app", "invoices", privileges(), new PostgresSequence(new ColumnReference(ORDERS, "invoice")))),
                List.of(orders(), customers()),
                List.of(new View("shop", "open_orders", true, " SELECT id\n   FROM shop.orders;",
                        List.of(Column.of("id", "bigint", false)), false, List.of(ORDERS),
                        List.of(index("open_orders_id")), List.of(), "app", "to ship", privileges(),
                        new PostgresView(List.of("fillfactor=70")), null)),
                List.of(routine("total", "integer"), routine("total", "")),
                List.of(new Dependency(new ObjectRef(ObjectRef.Kind.VIEW, "shop", "open_orders", null),
                                new ObjectRef(ObjectRef.Kind.TABLE, "shop", "orders", "column id")),
                        new Dependency(new ObjectRef(ObjectRef.Kind.TABLE, "shop", "orders", "column status"),
                                new ObjectRef(ObjectRef.Kind.ENUM_TYPE, "shop", "status", null))),
                postgresObjects(), null);
    }

    static PostgresObjects postgresObjects() {
        return new PostgresObjects(List.of(new Extension("citext", "public", "1.6", "case-insensitive text")),
                List.of(new Collation("shop", "nocase", "icu", null, null, "und-u-ks-level2", null, false, "app",
                        "for names")),
                List.of(new EnumType("shop", "status", List.of("new", "paid", "shipped"), "app", "order state",
                        privileges())),
                List.of(new Domain("shop", "price", "numeric(10,2)", null, "0", true,
                        List.of(new DomainConstraint("price_positive", "CHECK ((VALUE >= (0)::numeric))", false,
                                "no refunds here")), "app", "money", privileges())),
                List.of(new CompositeType("shop", "address", List.of(new Attribute("street", "text", "\"C\""),
                        new Attribute("zip", "character varying(10)", null)), "app", "postal", Privileges.NONE)),
                List.of(new RangeType("shop", "price_range", "numeric", null, null, null, null,
                        "price_multirange", "app", null, Privileges.NONE)),
                List.of(new EventTrigger("no_drops", "sql_drop", List.of("DROP TABLE", "ALTER TABLE"),
                        "shop.forbid()", Enablement.REPLICA, "app", "guard")),
                List.of(new Cast("text", "shop.address", "shop.to_address(v text)", Cast.Method.FUNCTION,
                                Cast.Context.ASSIGNMENT, "parses addresses"),
                        new Cast("json", "text", null, Cast.Method.BINARY, Cast.Context.IMPLICIT, null)),
                List.of(new ExtendedStatistics("shop", "orders_stats", QualifiedName.of("shop", "orders"),
                        List.of("id", "status"), List.of("lower(note)"), List.of("ndistinct", "mcv"), 500, "app", "joint")),
                List.of(new Publication("orders_out", false, List.of(new PublishedTable("shop", "orders", List.of("id"),
                        "(id > 0)"), new PublishedTable("shop", "customers", List.of(), null)), List.of("audit"),
                        List.of("insert", "update"), true, "app", "to the warehouse")),
                List.of(new ForeignDataWrapper("files", null, "shop.check_options", List.of("root=/data"), "app", "flat files")),
                List.of(new ForeignServer("warehouse", "files", "csv", "2", List.of("dir=out", "mode=r"), "app", "exports")));
    }

    private static List<Schema> schemas() {
        return List.of(new Schema("shop", "app", "the shop", privileges()),
                new Schema("public", "pg_database_owner", "standard public schema", Privileges.NONE));
    }

    static Privileges privileges() {
        return new Privileges(List.of(new Grant("reader", "SELECT", false), new Grant(Grant.PUBLIC, "USAGE", true)),
                List.of(new Grant("app", "TRUNCATE", false)));
    }

    static Table orders() {
        Column id = new Column("id", "bigint", null, true, null,
                new Identity(Identity.Generation.ALWAYS, "orders_id_seq",
                        new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false)),
                null, "key", privileges(), new PostgresColumn(500, "main", "lz4", List.of("n_distinct=7")), null);
        Column total = new Column("total", "shop.price", "\"C\"", false, null, null, "(net * 2)", null,
                Privileges.NONE);
        Column customer = new Column("customer", "integer", null, false, "42", null, null, null, Privileges.NONE);
        return new Table("shop", "orders", List.of(id, total, customer),
                List.of(new Constraint("orders_customer_fkey", Constraint.Type.FOREIGN_KEY,
                        "FOREIGN KEY (customer) REFERENCES shop.customers(id) MATCH FULL ON DELETE CASCADE DEFERRABLE",
                        List.of("customer"), CUSTOMERS, List.of("id"), "NO ACTION", "CASCADE", "FULL", true, true,
                        false, false, "to customers"),
                        new Constraint("orders_pkey", Constraint.Type.PRIMARY_KEY, "PRIMARY KEY (id)", List.of("id"),
                                null, List.of(), null, null, null, false, false, true, true, null)),
                List.of(index("orders_pkey"), index("orders_by_total")),
                List.of(new Trigger("audit", "AFTER", List.of("INSERT", "UPDATE"), List.of("total"), true,
                        "(new.total > 0)", true, "CREATE TRIGGER audit ...", "audits",
                        new PostgresTrigger("shop.audit()", Enablement.ALWAYS, false))),
                "app", "all orders", privileges(),
                new PostgresTable(true, List.of(new Policy("own_rows", false, "SELECT", List.of("reader", "PUBLIC"),
                        "(customer = 1)", null, "rls")), "RANGE (id)", CUSTOMERS, "FOR VALUES FROM (1) TO (10)",
                        List.of(CUSTOMERS), "shop.address", "heap2", List.of("fillfactor=50", "autovacuum_enabled=off"),
                        ReplicaIdentity.INDEX, true, true), null, null);
    }

    static Table customers() {
        return new Table("shop", "customers", List.of(Column.of("id", "integer", true)), List.of(), List.of(),
                List.of(), null, null, Privileges.NONE);
    }

    static Index index(String name) {
        return new Index(name, true, "btree",
                List.of(new IndexKey("id", "int8_ops", "\"C\"", true, false), new IndexKey("lower(x)", null, null,
                        false, true)),
                "(total > 0)", false, "CREATE UNIQUE INDEX " + name + " ON ...", null, "an index",
                new PostgresIndex(true, List.of("total"), QualifiedName.of("shop", "parent_idx"), List.of("fillfactor=70"),
                        true, true), null);
    }

    static Routine routine(String name, String identityArguments) {
        return new Routine("shop", name, Routine.Kind.FUNCTION, identityArguments, identityArguments,
                "integer", "plpgsql", Routine.Volatility.STABLE, true, "begin return 1; end", "CREATE OR REPLACE ...",
                List.of(ORDERS), "app", "sums", privileges(), new PostgresRoutine(true, true,
                PostgresRoutine.Parallel.SAFE, 10.5, 0, List.of("search_path=shop", "work_mem=64MB")), null);
    }
}
