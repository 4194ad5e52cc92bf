package dev.schemagate.liquibase;

import dev.schemagate.migration.RunCondition;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.ChangeLogPropertyDefinedPrecondition;
import liquibase.precondition.core.DBMSPrecondition;
import liquibase.precondition.core.PreconditionContainer;

import java.util.List;

/**
 * Which changesets run, decided with Liquibase's own filters: {@code ignore}, {@code dbms},
 * contexts and labels, and the preconditions that do not depend on what the database holds
 * ({@code dbms}, {@code changeLogPropertyDefined}, and {@code and}/{@code or}/{@code not} of them).
 * A failing one skips the changeset when its {@code onFail} is {@code CONTINUE} or
 * {@code MARK_RAN}, runs it under {@code WARN}, and stops the run under {@code HALT}, as Liquibase
 * does. Preconditions that ask the database ({@code tableExists}, {@code sqlCheck}, …) are
 * {@link Verdict#ASKS_DATABASE}: they are checked on the scratch database when the changeset's turn
 * comes (see {@link ChangesetPreconditions}).
 */
final class ChangesetSelection {

    /** What becomes of a changeset. */
    enum Verdict { RUNS, SKIPPED, HALTS, ASKS_DATABASE }

    private final Database database;
    private final List<ChangeSetFilter> filters;

    ChangesetSelection(Database database, Contexts contexts, LabelExpression labels) {
        this.database = database;
        this.filters = List.of(new IgnoreChangeSetFilter(), new DbmsChangeSetFilter(database),
                new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels));
    }

    Verdict judge(DatabaseChangeLog changeLog, ChangeSet changeSet) {
        for (ChangeSetFilter filter : filters) {
            if (!filter.accepts(changeSet).isAccepted()) {
                return Verdict.SKIPPED;
            }
        }
        return preconditions(changeLog, changeSet, changeSet.getPreconditions());
    }

    /** The verdict of a precondition container: the changelog's own (with a null changeset) or a changeset's. */
    Verdict preconditions(DatabaseChangeLog changeLog, ChangeSet changeSet, PreconditionContainer preconditions) {
        if (preconditions == null || preconditions.getNestedPreconditions().isEmpty()) {
            return Verdict.RUNS;
        }
        if (!decidable(preconditions)) {
            return Verdict.ASKS_DATABASE;
        }
        try {
            preconditions.check(database, changeLog, changeSet, null);
            return Verdict.RUNS;
        } catch (PreconditionFailedException e) {
            return of(PreconditionOutcome.failed(preconditions, e).verdict());
        } catch (PreconditionErrorException e) {
            return of(PreconditionOutcome.errored(preconditions, e).verdict());
        }
    }

    private static Verdict of(RunCondition.Verdict verdict) {
        return switch (verdict) {
            case RUN, WARN -> Verdict.RUNS;
            case SKIP -> Verdict.SKIPPED;
            case HALT -> Verdict.HALTS;
        };
    }

    /** True when every precondition of the tree can be checked without asking the database what it holds. */
    private static boolean decidable(Precondition precondition) {
        if (precondition instanceof PreconditionLogic logic) {
            return logic.getNestedPreconditions().stream().allMatch(ChangesetSelection::decidable);
        }
        return precondition instanceof DBMSPrecondition || precondition instanceof ChangeLogPropertyDefinedPrecondition;
    }
}
