package dev.schemagate.check;

import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a script on a connection the way migration tools do: in one transaction, unless the
 * layout marks the script as non-transactional or one of its statements cannot run in a
 * transaction block; then statement by statement in autocommit.
 */
public final class ScriptRunner {

    private final Dialect dialect;
    private final StatementListener listener;

    public ScriptRunner(Dialect dialect) {
        this(dialect, StatementListener.NONE);
    }

    public ScriptRunner(Dialect dialect, StatementListener listener) {
        this.dialect = dialect;
        this.listener = listener;
    }

    /** Splits and runs a script; the connection is left in autocommit mode whatever happens. */
    public ScriptOutcome run(Connection connection, Script script) throws SQLException {
        List<Statement> statements = dialect.splitter().split(script);
        Optional<Finding> unsupported = firstMetaCommand(statements);
        if (unsupported.isPresent()) {
            return new ScriptOutcome(statements.size(), "", unsupported);
        }
        String autocommitReason = autocommitReason(script, statements);
        if (autocommitReason.isEmpty()) {
            return new ScriptOutcome(statements.size(), "", inTransaction(connection, statements));
        }
        return new ScriptOutcome(statements.size(), autocommitReason, oneByOne(connection, statements));
    }

    /** True when the script can run inside a transaction the caller opened (and may roll back). */
    public boolean fitsInTransaction(Script script) {
        return autocommitReason(script, dialect.splitter().split(script)).isEmpty();
    }

    /**
     * Runs a script inside the transaction open on the connection, without committing; after a
     * failure the transaction is aborted and the caller must roll it back.
     */
    public ScriptOutcome runInOpenTransaction(Connection connection, Script script) throws SQLException {
        List<Statement> statements = dialect.splitter().split(script);
        Optional<Finding> unsupported = firstMetaCommand(statements);
        return new ScriptOutcome(statements.size(), "", unsupported.isPresent() ? unsupported : oneByOne(connection, statements));
    }

    private static Optional<Finding> firstMetaCommand(List<Statement> statements) {
        return statements.stream().filter(s -> s.kind() == Statement.Kind.META_COMMAND).findFirst()
                .map(StatementFailures::metaCommand);
    }

    private static String autocommitReason(Script script, List<Statement> statements) {
        if (!script.transactional()) {
            return "the migration is marked to run outside a transaction";
        }
        return statements.stream().filter(s -> !s.transactional()).findFirst()
                .map(s -> "line " + s.location().line() + " cannot run inside a transaction ("
                        + StatementFailures.firstLine(s.sql()) + ")")
                .orElse("");
    }

    private Optional<Finding> inTransaction(Connection connection, List<Statement> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (Statement statement : statements) {
                Optional<Finding> failure = execute(connection, statement);
                if (failure.isPresent()) {
                    connection.rollback();
                    return failure;
                }
            }
            connection.commit();
            return Optional.empty();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Optional<Finding> oneByOne(Connection connection, List<Statement> statements) throws SQLException {
        for (Statement statement : statements) {
            Optional<Finding> failure = execute(connection, statement);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> execute(Connection connection, Statement statement) throws SQLException {
        try {
            listener.running(statement);
            dialect.execute(connection, statement);
            return Optional.empty();
        } catch (SQLException e) {
            if (connection.isClosed() || !connection.isValid(5)) {
                throw e;
            }
            DatabaseError error = dialect.describe(e);
            return Optional.of(StatementFailures.failed(statement, error));
        }
    }
}
