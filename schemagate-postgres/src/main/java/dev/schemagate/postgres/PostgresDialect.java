package dev.schemagate.postgres;

import dev.schemagate.data.DataProbe;
import dev.schemagate.dialect.ConnectionSource;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.data.PostgresDataProbe;
import dev.schemagate.postgres.ddl.PostgresSchemaWriter;
import dev.schemagate.postgres.introspect.PostgresIntrospector;
import dev.schemagate.postgres.plan.PostgresPlanner;
import dev.schemagate.postgres.server.EmbeddedPostgresServer;
import dev.schemagate.postgres.server.ExternalPostgresServer;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL, the first dialect: its splitter, its servers and how to read its errors. */
public final class PostgresDialect implements Dialect {

    private final StatementSplitter splitter = new PostgresSplitter();
    private final DataProbe data = new PostgresDataProbe();

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public List<String> fileNameAliases() {
        return List.of("postgres", "postgresql", "pg");
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public DatabaseServer start(ServerOptions options) {
        return options.external() ? ExternalPostgresServer.open(options.url())
                : EmbeddedPostgresServer.start(options.version());
    }

    @Override
    public void execute(Connection connection, Statement statement) throws SQLException {
        if (statement.kind() == Statement.Kind.COPY_FROM_STDIN) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(statement.sql(), new StringReader(statement.copyData()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY data could not be read: " + e.getMessage(), e);
            }
            return;
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.sql());
        }
    }

    @Override
    public Snapshot snapshot(Connection connection, SnapshotOptions options) throws SQLException {
        return connection.getAutoCommit() ? PostgresIntrospector.snapshot(connection, options)
                : PostgresIntrospector.snapshotInOpenTransaction(connection, options);
    }

    @Override
    public Snapshot snapshot(Connection connection, ConnectionSource more, SnapshotOptions options)
            throws SQLException {
        return PostgresIntrospector.snapshot(connection, more, options);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to) {
        return PostgresPlanner.plan(from, to, false);
    }

    @Override
    public MigrationPlan migrationPlan(Snapshot from, Snapshot to, boolean columnOrder) {
        return PostgresPlanner.plan(from, to, columnOrder);
    }

    @Override
    public String schemaSql(Snapshot snapshot) {
        return PostgresSchemaWriter.render(snapshot);
    }

    @Override
    public String schemaSql(Snapshot snapshot, boolean extensionVersions) {
        return PostgresSchemaWriter.render(snapshot, extensionVersions);
    }

    @Override
    public Connection connectLive(String url) throws SQLException {
        return ExternalPostgresServer.connectTo(url);
    }

    @Override
    public DataProbe data() {
        return data;
    }

    @Override
    public DatabaseError describe(SQLException failure) {
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return new DatabaseError(orEmpty(server.getSQLState()), orEmpty(server.getMessage()), orEmpty(server.getDetail()),
                    orEmpty(server.getHint()), server.getPosition());
        }
        return new DatabaseError(orEmpty(failure.getSQLState()), orEmpty(failure.getMessage()), "", "", 0);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
