package dev.schemagate.postgres.introspect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** Runs the query of one kind of object and hands each row to the reader. */
    void query(String kind, RowReader reader) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(CatalogSql.load(kind, majorVersion))) {
            Row row = new Row(resultSet);
            while (resultSet.next()) {
                reader.read(row);
            }
        }
    }
}
