package dev.schemagate.junit5;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Migration;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One test's own database, with the accessors Testcontainers users know ({@link #getJdbcUrl()},
 * {@link #getUsername()}, {@link #getPassword()}, {@link #getDataSource()}) and the moves a data
 * migration test needs: {@link #migrateTo(String)} and {@link #rollbackTo(String)}. The database is
 * dropped when the test ends.
 */
public final class MigrationDatabase implements AutoCloseable {

    private final ScratchDatabase database;
    private final MigrationPlan plan;
    private final DataSource dataSource;
    private int position;

    MigrationDatabase(ScratchDatabase database, MigrationPlan plan, int position) {
        this.database = database;
        this.plan = plan;
        this.position = position;
        this.dataSource = new ScratchDataSource(database);
    }

    /** A JDBC URL of this database, without credentials. */
    public String getJdbcUrl() {
        return database.jdbcUrl();
    }

    public String getUsername() {
        return database.username();
    }

    /** The password, or null when the server needs none (the embedded one does not). */
    public String getPassword() {
        return database.password();
    }

    public String getDatabaseName() {
        return database.name();
    }

    /** A data source of this database, for the code under test (a new connection per call). */
    public DataSource getDataSource() {
        return dataSource;
    }

    /** A new connection, in autocommit mode; close it. */
    public Connection getConnection() throws SQLException {
        return database.connect();
    }

    /** The version of the last migration applied: {@code empty} before the first, {@code latest} after a repeatable one. */
    public String version() {
        return plan.versionAt(position);
    }

    /** The migrations of the location, in apply order. */
    public List<Migration> migrations() {
        return plan.migrations();
    }

    /**
     * Applies the up scripts of every migration after the current version up to and including
     * {@code version} ({@code latest} applies all, repeatable ones too).
     *
     * @throws MigrationFailure         when a script fails, naming file, line and server message
     * @throws IllegalStateException    when the database is already past that version
     * @throws IllegalArgumentException when no migration has that version
     */
    public MigrationDatabase migrateTo(String version) {
        int target = plan.position(version);
        if (target < position) {
            throw new IllegalStateException("the database is at " + version() + ", past " + version + "; use rollbackTo(\"" + version + "\")");
        }
        try (Connection connection = database.connect()) {
            plan.apply(connection, position, target);
        } catch (SQLException e) {
            throw lost(e);
        }
        position = target;
        return this;
    }

    /** {@link #migrateTo(String)} the latest version. */
    public MigrationDatabase migrateToLatest() {
        return migrateTo(MigrationTest.LATEST);
    }

    /**
     * Runs the down scripts of every migration after {@code version}, newest first, so that the
     * database is at {@code version} ({@code empty} reverts all). Repeatable migrations stay.
     *
     * @throws MigrationFailure      when a down script fails
     * @throws IllegalStateException when the database is before that version, or a migration to revert has no down script
     */
    public MigrationDatabase rollbackTo(String version) {
        int target = plan.position(version);
        if (target > position) {
            throw new IllegalStateException("the database is at " + version() + ", before " + version + "; use migrateTo(\"" + version + "\")");
        }
        try (Connection connection = database.connect()) {
            plan.revert(connection, position, target);
        } catch (SQLException e) {
            throw lost(e);
        }
        position = target;
        return this;
    }

    /** The schema as it is now, for {@link SchemaAssertions#assertThat(Snapshot)}. */
    public Snapshot snapshot() {
        try (Connection connection = database.connect()) {
            return plan.dialect().snapshot(connection, SnapshotOptions.full());
        } catch (SQLException e) {
            throw lost(e);
        }
    }

    private InfrastructureException lost(SQLException e) {
        return new InfrastructureException("lost the connection to test database " + database.name() + ": " + e.getMessage(), e);
    }

    /** Drops the database (in the background; the JVM's end removes the whole server anyway). */
    @Override
    public void close() {
        TestDatabases.release(database);
    }

    @Override
    public String toString() {
        return database.name() + " at " + version();
    }
}
