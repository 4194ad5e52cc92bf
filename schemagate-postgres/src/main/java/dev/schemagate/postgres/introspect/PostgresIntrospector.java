package dev.schemagate.postgres.introspect;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

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
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("a snapshot runs its own transaction: pass a connection in autocommit mode");
        }
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return readInTransaction(connection, options);
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

    /** Reads the schema inside the transaction the connection has open; changes only its search path. */
    static Snapshot readInTransaction(Connection connection, SnapshotOptions options) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path = ''");
        }
        return read(new Catalog(connection, majorVersion(connection)), options);
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
        return new Snapshot(types.schemas, types.extensions, types.collations, types.enums, types.domains,
                types.compositeTypes, types.rangeTypes, types.sequences, relations.tables, relations.views,
                routines.routines, routines.eventTriggers);
    }

    /** The server's major version, as the driver read it when it connected. */
    private static int majorVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }
}
