package dev.schemagate.postgres.data;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes synthetic rows consistent the way production rows are before a migration adds a foreign key:
 * the application wrote child values that point at parent rows, while the seeder, seeing no foreign
 * key yet, wrote arbitrary ones. For every foreign key the migration's target schema has over tables
 * and columns that exist now, child values that match no parent row are pointed at existing parent
 * rows (spread over them in turn, cast to the child column's type); when the parent has no rows they
 * become NULL, or, in a NOT NULL column, the child rows are deleted. Runs in autocommit: each key is
 * fixed on its own, and a key that cannot be fixed is left as it is.
 */
public final class RowConformance {

    private RowConformance() {
    }

    /** Conforms the rows of {@code now} to the foreign keys of {@code target}; returns how many rows changed. */
    public static long toForeignKeys(Connection connection, Snapshot now, Snapshot target) throws SQLException {
        long changed = 0;
        for (Table targetTable : target.tables()) {
            for (Constraint key : targetTable.constraints()) {
                if (key.type() != Constraint.Type.FOREIGN_KEY || key.inherited()) {
                    continue;
                }
                Optional<Table> child = now.table(targetTable.qualifiedName());
                Optional<Table> parent = now.table(key.referencedTable());
                if (child.isPresent() && parent.isPresent() && has(child.get(), key.columns())
                        && has(parent.get(), key.referencedColumns())) {
                    changed += conform(connection, child.get(), parent.get(), key);
                }
            }
        }
        return changed;
    }

    private static long conform(Connection connection, Table child, Table parent, Constraint key) throws SQLException {
        String orphan = orphanCondition(child, parent, key);
        List<String> set = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            Column column = child.column(key.columns().get(i)).orElseThrow();
            set.add("(p.v" + i + ")::text::" + column.type());
        }
        String parentValues = String.join(", ", aliased(key.referencedColumns()));
        String update = "WITH o AS (SELECT c.ctid AS id, row_number() OVER (ORDER BY c.ctid) - 1 AS n FROM "
                + Quote.name(child.qualifiedName()) + " c WHERE " + orphan + "), "
                + "p AS (SELECT " + parentValues + ", row_number() OVER (ORDER BY ctid) - 1 AS n, count(*) OVER () AS total FROM "
                + Quote.name(parent.qualifiedName()) + ") "
                + "UPDATE " + Quote.name(child.qualifiedName()) + " t SET (" + String.join(", ", quoted(key.columns()))
                + ") = ROW(" + String.join(", ", set) + ") FROM o JOIN p ON p.n = o.n % p.total WHERE t.ctid = o.id";
        long changed = execute(connection, update);
        boolean nullable = key.columns().stream().noneMatch(c -> child.column(c).orElseThrow().notNull());
        String rest = nullable
                ? "UPDATE " + Quote.name(child.qualifiedName()) + " c SET " + String.join(", ",
                        quoted(key.columns()).stream().map(c -> c + " = NULL").toList()) + " WHERE " + orphan
                : "DELETE FROM " + Quote.name(child.qualifiedName()) + " c WHERE " + orphan;
        return changed + execute(connection, rest);
    }

    /** Every key column holds a value, and no parent row has those values (compared as text, whatever the types). */
    private static String orphanCondition(Table child, Table parent, Constraint key) {
        List<String> present = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            String c = "c." + Quote.ident(key.columns().get(i));
            present.add(c + " IS NOT NULL");
            match.add("p." + Quote.ident(key.referencedColumns().get(i)) + "::text = " + c + "::text");
        }
        return String.join(" AND ", present) + " AND NOT EXISTS (SELECT 1 FROM " + Quote.name(parent.qualifiedName())
                + " p WHERE " + String.join(" AND ", match) + ")";
    }

    private static long execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static boolean has(Table table, List<String> columns) {
        return !columns.isEmpty() && columns.stream().allMatch(c -> table.column(c).isPresent());
    }

    private static List<String> quoted(List<String> columns) {
        return columns.stream().map(Quote::ident).toList();
    }

    /** The columns as {@code v0, v1, ...}, so that the update can name them whatever they are called. */
    private static List<String> aliased(List<String> columns) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(Quote.ident(columns.get(i)) + " AS v" + i);
        }
        return out;
    }
}
