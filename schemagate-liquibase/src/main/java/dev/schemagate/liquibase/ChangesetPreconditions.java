package dev.schemagate.liquibase;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.RunCondition;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.core.PreconditionContainer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A changeset's preconditions that ask the database ({@code tableExists}, {@code columnExists},
 * {@code sqlCheck}, {@code changeSetExecuted}, …), checked by Liquibase's own precondition classes
 * on the scratch database just before the changeset would run. {@code changeSetExecuted} sees the
 * changesets the run applied so far (see {@link RanChangesets}); a failure or error is handled as
 * the changeset's {@code onFail}/{@code onError} says (see {@link PreconditionOutcome}).
 *
 * <p>Liquibase turns autocommit off on a connection it is given; the connection is left as it was.
 */
final class ChangesetPreconditions implements RunCondition {

    private final DatabaseChangeLog changeLog;
    private final ChangeSet changeSet;
    private final Map<Migration, ChangeSet> changesets;

    /**
     * @param changesets the changeset of every migration of the changelog, filled once all are read,
     *                   to tell Liquibase which ran
     */
    ChangesetPreconditions(DatabaseChangeLog changeLog, ChangeSet changeSet, Map<Migration, ChangeSet> changesets) {
        this.changeLog = changeLog;
        this.changeSet = changeSet;
        this.changesets = changesets;
    }

    @Override
    public Decision decide(Connection connection, List<Migration> applied) {
        List<RanChangeSet> ran = new ArrayList<>();
        applied.stream().map(changesets::get).filter(Objects::nonNull)
                .map(changeSet -> new RanChangeSet(changeSet, ChangeSet.ExecType.EXECUTED, null, null)).forEach(ran::add);
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                return LiquibaseScope.call(Map.of(RanChangesets.SCOPE_KEY, ran), () -> check(connection));
            } finally {
                if (connection.getAutoCommit() != autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new InfrastructureException("Liquibase could not check the preconditions of changeset " + changeSet.getAuthor() + ":"
                    + changeSet.getId() + " (" + e.getMessage() + ")", e);
        }
    }

    private Decision check(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        PreconditionContainer preconditions = changeSet.getPreconditions();
        Warned warned = new Warned(preconditions);
        try {
            preconditions.check(database, changeLog, changeSet, warned);
        } catch (PreconditionFailedException e) {
            return PreconditionOutcome.failed(preconditions, e);
        } catch (PreconditionErrorException e) {
            return PreconditionOutcome.errored(preconditions, e);
        }
        return warned.decision;
    }

    /** Hears Liquibase's {@code WARN}: a precondition that failed, or could not be checked, and lets the changeset run. */
    private static final class Warned extends AbstractChangeExecListener {

        private final PreconditionContainer preconditions;
        private Decision decision = Decision.RUNS;

        Warned(PreconditionContainer preconditions) {
            this.preconditions = preconditions;
        }

        @Override
        public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
            decision = PreconditionOutcome.failed(preconditions, error);
        }

        @Override
        public void preconditionErrored(PreconditionErrorException error, PreconditionContainer.ErrorOption onError) {
            decision = PreconditionOutcome.errored(preconditions, error);
        }
    }
}
