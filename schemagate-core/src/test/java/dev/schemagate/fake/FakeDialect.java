package dev.schemagate.fake;

import dev.schemagate.data.DataProbe;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.dialect.Capabilities;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.data.FailedStatement;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A dialect without a database, so core can run its engine in its own tests: a database is a map
 * of table names to column names in memory, and its language has four statements
 * ({@code create table t (a, b)}, {@code drop table t}, {@code add column t.c}, {@code drop column t.c})
 * and {@code vacuum}, which cannot run in a transaction. Anything else is a syntax error at its
 * first character. Its DDL takes part in transactions; {@link NonTransactional} is the same
 * language on a database whose DDL commits at once, as MySQL's does.
 */
public class FakeDialect implements Dialect {

    /** The server the last run of a fake dialect started, for a test to look into. */
    private static volatile FakeServer lastServer;

    private final StatementSplitter splitter = new FakeSplitter();

    public static FakeServer lastServer() {
        return lastServer;
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public List<String> fileNameAliases() {
        return List.of(id());
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, "a map in memory", "a copy of the map", Duration.ZERO);
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public DatabaseServer start(ServerOptions options) {
        FakeServer server = new FakeServer(capabilities().transactionalDdl());
        lastServer = server;
        return server;
    }

    @Override
    public void execute(Connection connection, Statement statement) throws SQLException {
        FakeSession.of(connection).execute(statement.sql());
    }

    @Override
    public Snapshot snapshot(Connection connection, SnapshotOptions options) {
        return FakeSession.of(connection).snapshot();
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to) {
        throw new UnsupportedOperationException("the fake dialect plans nothing");
    }

    @Override
    public String schemaSql(Snapshot snapshot) {
        throw new UnsupportedOperationException("the fake dialect writes no schema file");
    }

    @Override
    public Connection connectLive(String url) {
        throw new UnsupportedOperationException("the fake dialect has no live databases");
    }

    @Override
    public DataProbe data() {
        return new NoData();
    }

    /** The fake error's position travels in the vendor code. */
    @Override
    public DatabaseError describe(SQLException failure) {
        return new DatabaseError(failure.getSQLState(), failure.getMessage(), "", "", failure.getErrorCode());
    }

    /** The same language on a database whose DDL is not transactional: every statement commits at once. */
    public static final class NonTransactional extends FakeDialect {

        @Override
        public String id() {
            return "fakecommit";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(false, false, "a map in memory", "a copy of the map", Duration.ZERO);
        }
    }

    /** Tables hold no rows here: the data check is not for this dialect; the integrity check finds nothing. */
    private static final class NoData implements DataProbe {

        @Override
        public SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables, int rowsPerTable,
                               long seed) {
            throw new UnsupportedOperationException("the fake dialect holds no rows");
        }

        @Override
        public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables) {
            throw new UnsupportedOperationException("the fake dialect holds no rows");
        }

        @Override
        public long conform(Connection connection, Snapshot now, Snapshot target) {
            return 0;
        }

        @Override
        public long reseed(Connection connection, Snapshot now, FailedStatement failure) {
            return 0;
        }

        @Override
        public List<IntegrityProblem> integrity(Connection connection) {
            return List.of();
        }
    }
}
