package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ConnectionSource;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.dialect.PostgresObjects;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Takes a {@link Snapshot} of a PostgreSQL (13 and later) database: a fixed number of catalog
 * queries, whatever the number of objects, inside one read-only repeatable-read transaction that is
 * rolled back, so the database is never written. Names in expressions and types come out
 * schema-qualified (the queries run with an empty {@code search_path}), so the snapshot does not
 * depend on the session's settings.
 */
public final class PostgresIntrospector {

    private PostgresIntrospector() {
    }

    /**
     * Reads the schema the connection's database holds. The connection must be in autocommit mode
     * (no transaction open); it is left that way.
     */
    public static Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException {
        return inOwnTransaction(connection, () -> readInTransaction(connection, options));
    }

    /**
     * As {@link #snapshot(Connection, SnapshotOptions)}, but a large schema is read over a second
     * connection from {@code more} as well, at once (see {@link SplitRead}); both read one snapshot,
     * so the result is the same as over one connection.
     */
    public static Snapshot snapshot(Connection connection, ConnectionSource more, SnapshotOptions options)
            throws SQLException {
        return snapshot(connection, more, options, SplitRead.THRESHOLD);
    }

    /** As {@link #snapshot(Connection, ConnectionSource, SnapshotOptions)}, splitting from so many relations. */
    static Snapshot snapshot(Connection connection, ConnectionSource more, SnapshotOptions options, int threshold)
            throws SQLException {
        return inOwnTransaction(connection, () -> {
            if (!SplitRead.pays(connection, threshold)) {
                return readInTransaction(connection, options);
            }
            Catalog catalog = catalog(connection);
            try (SplitRead split = SplitRead.start(connection, more, catalog.majorVersion())) {
                catalog.fetch(kinds(options).stream().filter(kind -> !SplitRead.SECOND.contains(kind)).toList());
                catalog.adopt(split.results());
                return read(catalog, options);
            }
        });
    }

    /** A read that may throw as the driver does. */
    @FunctionalInterface
    private interface Read {
        Snapshot run() throws SQLException;
    }

    /** Runs the read in a read-only repeatable-read transaction that is rolled back, from and back to autocommit. */
    private static Snapshot inOwnTransaction(Connection connection, Read read) throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("a snapshot runs its own transaction: pass a connection in autocommit mode");
        }
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return read.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /**
     * Reads the schema inside the transaction the connection has open, seeing its uncommitted
     * changes, and leaves the transaction as it was (the read runs under a savepoint).
     */
    public static Snapshot snapshotInOpenTransaction(Connection connection, SnapshotOptions options) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            return readInTransaction(connection, options);
        } finally {
            connection.rollback(savepoint);
        }
    }

    /**
     * Reads the relations (tables, views, materialized views, sequences) of the given oids with their
     * parts and the links that name them: what a change to those relations can alter; the other
     * lists of the result are empty. Like a snapshot, it runs in a transaction of its own on a
     * connection in autocommit mode; inside an open one it leaves the session's settings as they were.
     * The queries go in one round trip, with the settings they need and those put back.
     */
    public static Snapshot relations(Connection connection, SnapshotOptions options, Collection<Long> oids)
            throws SQLException {
        Read read = () -> {
            Catalog catalog = new Catalog(connection, majorVersion(connection), true);
            List<String> kinds = new ArrayList<>(List.of("comments", "privileges", "columns", "dependencies", "sequences",
                    "constraints", "indexes", "triggers", "policies", "relations", "object_dependencies"));
            if (!options.privileges()) {
                kinds.remove("privileges");
            }
            catalog.fetchScoped(oids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")), kinds);
            Annotations annotations = Annotations.read(catalog, options);
            Columns columns = ColumnReader.read(catalog, annotations);
            Map<Long, List<QualifiedName>> dependencies = RelationReader.dependencies(catalog);
            TypeReader types = new TypeReader(catalog, annotations);
            types.readSequences();
            RelationReader relations = new RelationReader(catalog, annotations);
            relations.read(columns, dependencies);
            return new Snapshot(null, types.sequences, relations.tables, relations.views, null,
                    DependencyReader.read(catalog), null, null);
        };
        return connection.getAutoCommit() ? inOwnTransaction(connection, read) : read.run();
    }

    /** Reads the schema inside the transaction the connection has open; changes only its search path and JIT setting. */
    static Snapshot readInTransaction(Connection connection, SnapshotOptions options) throws SQLException {
        Catalog catalog = catalog(connection);
        catalog.fetch(kinds(options));
        return read(catalog, options);
    }

    /** A catalog on a connection whose transaction reads with {@link Catalog#READ_SETTINGS}. */
    private static Catalog catalog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(Catalog.READ_SETTINGS);
        }
        return new Catalog(connection, majorVersion(connection));
    }

    private static Snapshot read(Catalog catalog, SnapshotOptions options) throws SQLException {
        Annotations annotations = Annotations.read(catalog, options);
        Columns columns = ColumnReader.read(catalog, annotations);
        Map<Long, List<QualifiedName>> dependencies = RelationReader.dependencies(catalog);
        TypeReader types = new TypeReader(catalog, annotations);
        types.read(columns);
        RelationReader relations = new RelationReader(catalog, annotations);
        relations.read(columns, dependencies);
        RoutineReader routines = new RoutineReader(catalog, annotations);
        routines.read(dependencies);
        DatabaseObjectReader others = new DatabaseObjectReader(catalog, annotations);
        others.read();
        return new Snapshot(types.schemas, types.sequences, relations.tables, relations.views, routines.routines,
                DependencyReader.read(catalog), new PostgresObjects(types.extensions, types.collations, types.enums,
                types.domains, types.compositeTypes, types.rangeTypes, routines.eventTriggers, others.casts,
                others.statistics, others.publications, others.foreignDataWrappers, others.foreignServers), null);
    }

    /** The queries {@link #read} runs, in its order. */
    private static List<String> kinds(SnapshotOptions options) {
        List<String> kinds = new ArrayList<>(List.of("comments", "privileges", "columns", "dependencies", "schemas",
                "extensions", "collations", "domain_constraints", "types", "sequences", "constraints", "indexes",
                "triggers", "policies", "relations", "routines", "event_triggers", "casts", "statistics",
                "publication_tables", "publications", "foreign_data_wrappers", "foreign_servers",
                "object_dependencies"));
        if (!options.privileges()) {
            kinds.remove("privileges");
        }
        return kinds;
    }

    /** The server's major version, as the driver read it when it connected. */
    private static int majorVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }
}
