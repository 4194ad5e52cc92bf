package dev.schemagate.postgres.introspect;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs the catalog queries on one connection, choosing the SQL for the server's major version. */
final class Catalog {

    /** Reads one row; may throw as the driver does. */
    @FunctionalInterface
    interface RowReader {
        void read(Row row) throws SQLException;
    }

    private final Connection connection;
    private final int majorVersion;

    Catalog(Connection connection, int majorVersion) {
        this.connection = connection;
        this.majorVersion = majorVersion;
    }

    /**
     * Runs the query of one kind of object and hands each row to the reader. The query is prepared
     * on the server from its first use, so a connection that snapshots again and again (a verify
     * run takes several snapshots per migration) plans each catalog query once.
     */
    void query(String kind, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CatalogSql.load(kind, majorVersion))) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            try (ResultSet resultSet = statement.executeQuery()) {
                Row row = new Row(resultSet);
                while (resultSet.next()) {
                    reader.read(row);
                }
            }
        }
    }
}
