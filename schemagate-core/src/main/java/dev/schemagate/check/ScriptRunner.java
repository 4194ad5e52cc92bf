package dev.schemagate.check;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.Transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a script on a connection the way its migration tool does (see {@link Transaction}): in one
 * transaction, or statement by statement in autocommit where the tool runs it so. When a statement
 * cannot run inside the transaction the tool will open, the script is first run as the tool runs
 * it, so that the server's own refusal becomes the finding, and then statement by statement, so
 * that the migrations after it can still be checked.
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
        Transaction transaction = script.transaction();
        Optional<Statement> refused = transaction.refused(statements);
        if (refused.isPresent()) {
            return refusedByTransaction(connection, script, statements, refused.get());
        }
        if (transaction.opens(statements)) {
            return outcome(statements, "", inTransaction(connection, statements), Optional.empty());
        }
        return outcome(statements, transaction.autocommitReason(statements), oneByOne(connection, statements), Optional.empty());
    }

    /**
     * True when the script can run inside a transaction the caller opened and roll back with it:
     * the database undoes DDL with its transaction, and the script's tool and statements allow one.
     */
    public boolean fitsInTransaction(Script script) {
        return dialect.capabilities().transactionalDdl() && script.transaction().mode() != Transaction.Mode.NONE
                && dialect.splitter().split(script).stream().allMatch(Statement::transactional);
    }

    /**
     * Runs a script inside the transaction open on the connection, without committing; after a
     * failure the transaction is aborted and the caller must roll it back.
     */
    public ScriptOutcome runInOpenTransaction(Connection connection, Script script) throws SQLException {
        List<Statement> statements = dialect.splitter().split(script);
        Optional<Finding> unsupported = firstMetaCommand(statements);
        if (unsupported.isPresent()) {
            return new ScriptOutcome(statements.size(), "", unsupported);
        }
        return outcome(statements, "", oneByOne(connection, statements), Optional.empty());
    }

    private static ScriptOutcome outcome(List<Statement> statements, String autocommitReason, Optional<Failed> failed,
                                         Optional<Finding> refusal) {
        return new ScriptOutcome(statements.size(), autocommitReason, failed.map(Failed::finding), refusal,
                failed.map(Failed::cause));
    }

    /** A statement's failure: the finding, and what the server said, for the caller to judge the cause. */
    private record Failed(Finding finding, FailedStatement cause) {

        static Failed of(Statement statement, DatabaseError error) {
            return new Failed(StatementFailures.failed(statement, error),
                    new FailedStatement(statement.sql(), error.sqlState(), error.message(), error.detail()));
        }

        /** The same failure, saying which statements before it the database kept. */
        Failed committed(List<Statement> kept, int of) {
            return kept.isEmpty() ? this : new Failed(StatementFailures.partlyCommitted(finding, kept, of), cause);
        }
    }

    private static Optional<Finding> firstMetaCommand(List<Statement> statements) {
        return statements.stream().filter(s -> s.kind() == Statement.Kind.META_COMMAND).findFirst()
                .map(StatementFailures::metaCommand);
    }

    /**
     * Runs a script holding a statement its tool's transaction cannot hold: first in a transaction,
     * as the tool would (the server refuses the statement and nothing is left behind), then, to go
     * on, statement by statement. When the server accepts it after all, the script has run as the
     * tool runs it and there is nothing to report.
     */
    private ScriptOutcome refusedByTransaction(Connection connection, Script script, List<Statement> statements,
                                               Statement refused) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (Statement statement : statements) {
                try {
                    dialect.execute(connection, statement);
                } catch (SQLException e) {
                    if (connection.isClosed() || !connection.isValid(5)) {
                        throw e;
                    }
                    connection.rollback();
                    DatabaseError error = dialect.describe(e);
                    if (statement != refused) {
                        return outcome(statements, "", Optional.of(Failed.of(statement, error)), Optional.empty());
                    }
                    return goOnOutside(connection, script, statements, StatementFailures.refused(statement, error,
                            script.transaction().why(statements, dialect.vocabulary().oneQuery()), script.transaction().optOut()));
                }
            }
            connection.commit();
            return new ScriptOutcome(statements.size(), "", Optional.empty());
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private ScriptOutcome goOnOutside(Connection connection, Script script, List<Statement> statements, Finding refusal)
            throws SQLException {
        connection.setAutoCommit(true);
        String reason = "line " + refusal.location().line() + " cannot run as " + script.transaction().tool()
                + " runs it; the checks ran it outside a transaction";
        return outcome(statements, reason, oneByOne(connection, statements), Optional.of(refusal));
    }

    private Optional<Failed> inTransaction(Connection connection, List<Statement> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (int i = 0; i < statements.size(); i++) {
                Optional<Failed> failure = execute(connection, statements.get(i));
                if (failure.isPresent()) {
                    connection.rollback();
                    int failed = i;
                    return failure.map(f -> f.committed(committedBefore(statements, failed, true), statements.size()));
                }
            }
            connection.commit();
            return Optional.empty();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Optional<Failed> oneByOne(Connection connection, List<Statement> statements) throws SQLException {
        boolean autocommit = connection.getAutoCommit();
        for (int i = 0; i < statements.size(); i++) {
            Optional<Failed> failure = execute(connection, statements.get(i));
            if (failure.isPresent()) {
                int failed = i;
                return failure.map(f -> f.committed(committedBefore(statements, failed, !autocommit), statements.size()));
            }
        }
        return Optional.empty();
    }

    /**
     * The statements before the failed one that the database keeps although the script failed, on a
     * database whose DDL is not transactional: in autocommit, all of them; in a transaction, those up
     * to the last one that made the database commit on its own (the failed one included, as the
     * commit comes before it runs). A database that rolls DDL back keeps none: its script runs in a
     * transaction, or on a copy that is thrown away.
     */
    private List<Statement> committedBefore(List<Statement> statements, int failed, boolean inTransaction) {
        if (dialect.capabilities().transactionalDdl()) {
            return List.of();
        }
        if (!inTransaction) {
            return statements.subList(0, failed);
        }
        int kept = 0;
        for (int i = 0; i <= failed; i++) {
            if (dialect.commitsImplicitly(statements.get(i))) {
                kept = i == failed ? failed : i + 1;
            }
        }
        return statements.subList(0, kept);
    }

    private Optional<Failed> execute(Connection connection, Statement statement) throws SQLException {
        try {
            listener.running(statement);
            dialect.execute(connection, statement);
            return Optional.empty();
        } catch (SQLException e) {
            if (connection.isClosed() || !connection.isValid(5)) {
                throw e;
            }
            return Optional.of(Failed.of(statement, dialect.describe(e)));
        }
    }
}
