package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads tables' rows back over plain JDBC, each value as the server renders it as text, for the
 * dialects whose data probe needs nothing more than a {@code SELECT} of the columns: at most
 * {@code limit} rows a table (beyond it only the count is compared), with the table's full count.
 * Names are quoted as the dialect quotes them.
 */
public final class RowReader {

    private final UnaryOperator<String> quote;
    private final int limit;
    private final boolean primaryKeyOrder;

    /**
     * @param quote           quotes a name as the dialect does
     * @param limit           the most rows of one table read back
     * @param primaryKeyOrder whether rows are read in primary key order (else in the order the server gives)
     */
    public RowReader(UnaryOperator<String> quote, int limit, boolean primaryKeyOrder) {
        this.quote = quote;
        this.limit = limit;
        this.primaryKeyOrder = primaryKeyOrder;
    }

    /** The rows of the named tables the snapshot has; a name it lacks is left out. */
    public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables)
            throws SQLException {
        Map<QualifiedName, TableRows> captured = new LinkedHashMap<>();
        for (QualifiedName name : tables) {
            Table table = snapshot.table(name).orElse(null);
            if (table != null) {
                captured.put(name, read(connection, name, table));
            }
        }
        return captured;
    }

    private TableRows read(Connection connection, QualifiedName name, Table table) throws SQLException {
        List<String> columns = table.columns().stream().map(c -> c.name()).toList();
        String order = !primaryKeyOrder ? "" : table.primaryKey().map(key -> " order by " + String.join(", ",
                key.columns().stream().map(quote).toList())).orElse("");
        List<Map<String, String>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select "
                + String.join(", ", columns.stream().map(quote).toList()) + " from "
                + quote.apply(table.name()) + order + " limit " + limit); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), result.getString(i + 1));
                }
                rows.add(row);
            }
        }
        return new TableRows(name, columns, rows, count(connection, "select count(*) from " + quote.apply(table.name())));
    }

    /** The number a {@code select count(*) …} query gives. */
    public static long count(Connection connection, String countQuery) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(countQuery); ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
