package dev.schemagate.sqlite;

import dev.schemagate.dialect.RunnerFunctions;
import dev.schemagate.dialect.Timeouts;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens SQLite connections the way migration tools run migrations: foreign keys not enforced (the
 * {@code sqlite3} shell's default, and what SQLite's table-rebuild procedure needs, which a
 * migration cannot switch inside its tool's transaction), so that the integrity check's
 * {@code PRAGMA foreign_key_check} after each migration is what finds rows a rebuild broke; waiting
 * for a lock at most the lock timeout. A scratch database never outlives its run, so its writes skip the disk syncs
 * that make a crash survivable ({@code synchronous=OFF}, the rollback journal in memory): a
 * transaction still rolls back, and a clone copies a file no connection has open. The functions the
 * project's runner defines on its connections are defined on each.
 */
final class SqliteConnections {

    private SqliteConnections() {
    }

    static Connection open(String url, Timeouts timeouts, boolean readOnly) throws SQLException {
        return open(url, timeouts, readOnly, RunnerFunctions.NONE);
    }

    static Connection open(String url, Timeouts timeouts, boolean readOnly, RunnerFunctions functions) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!readOnly) {
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            config.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        }
        config.enforceForeignKeys(false);
        config.setReadOnly(readOnly);
        long lock = timeouts.lock().toMillis();
        config.setBusyTimeout(lock <= 0 || lock > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) lock);
        Connection connection = config.createConnection(url);
        try {
            SqliteRunnerFunctions.define(connection, functions);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
