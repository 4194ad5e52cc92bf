package dev.schemagate.mysql.lint;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.lint.Seeder;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills the empty tables with the MySQL dialect's synthetic rows before each migration, so that how
 * an ALTER ran is seen on a table that holds rows. MySQL commits DDL, so a migration cannot be tried
 * without the rows and rolled back: {@link #withoutRows} learns nothing, and the rows are only
 * cleared to run a failed migration again.
 */
final class MysqlSeeder implements Seeder {

    private static final long SEED = 42;

    private final Set<String> filled = new LinkedHashSet<>();

    @Override
    public List<Skipped> seed(Connection connection, Work<Snapshot> schema, int rows) throws SQLException {
        Set<String> empty = new LinkedHashSet<>();
        for (String table : MysqlStatementObserver.actualTables(connection)) {
            if (!filled.contains(table) && isEmpty(connection, table)) {
                empty.add(table);
            }
        }
        if (empty.isEmpty()) {
            return List.of();
        }
        Snapshot snapshot = schema.run();
        List<QualifiedName> names = snapshot.tables().stream().map(Table::qualifiedName)
                .filter(name -> empty.contains(name.name())).toList();
        SeedReport report = Dialects.byId("mysql").data().seed(connection, snapshot, names, rows, SEED);
        List<Skipped> skipped = new ArrayList<>();
        for (TableSeed table : report.tables()) {
            filled.add(table.table().name());
            if (!table.skipped() && !table.complete()) {
                // the problems name the table first, which the note names already
                String prefix = table.table() + ": ";
                skipped.add(new Skipped(table.table().name(), table.problems().isEmpty()
                        ? table.inserted() + " of " + table.requested() + " rows went in"
                        : String.join("; ", table.problems().stream().map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList())));
            }
        }
        return skipped;
    }

    @Override
    public void clear(Connection connection) throws SQLException {
        List<String> existing = MysqlStatementObserver.actualTables(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set @schemagate_fk_checks = @@foreign_key_checks, foreign_key_checks = 0");
            try {
                for (String table : filled) {
                    if (existing.contains(table)) {
                        statement.execute("delete from `" + table.replace("`", "``") + "`");
                    }
                }
            } finally {
                statement.execute("set foreign_key_checks = @schemagate_fk_checks");
            }
        }
        filled.clear();
    }

    /** DDL commits on MySQL, so nothing can be learnt and rolled back: returns null without running the work. */
    @Override
    public <T> T withoutRows(Connection connection, Work<T> work) {
        return null;
    }

    @Override
    public long conform(Connection connection, Snapshot now, Snapshot target) {
        return 0;
    }

    @Override
    public long reseed(Connection connection, Snapshot now, FailedStatement failure) {
        return 0;
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select 1 from `" + table.replace("`", "``") + "` limit 1")) {
            return !rows.next();
        }
    }
}
