package dev.schemagate.liquibase;

import liquibase.change.Change;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The SQL Liquibase runs for a changeset on the target database, written by Liquibase's own SQL
 * generators: the changes for the update, and for the rollback either the changeset's
 * {@code <rollback>} changes or, without one, the rollback Liquibase derives from the changes
 * themselves (the inverse of each change, last change first), as {@code liquibase rollback} does.
 * Liquibase reads every empty rollback ({@code <rollback/>}, {@code rollback: ""}, {@code <empty/>})
 * as one {@code empty} change that does nothing: the changeset is rolled back by leaving it in place.
 * {@code tagDatabase} writes only to Liquibase's own table, which a scratch database has not, and
 * is left out.
 */
final class ChangesetSql {

    /** How a changeset is rolled back. */
    enum RollbackKind {
        /** The changeset's own {@code <rollback>} block. */
        EXPLICIT,
        /** Derived by Liquibase from the changes ({@code createTable} is undone by {@code dropTable}, …). */
        DERIVED,
        /**
         * An empty {@code <rollback/>} (or {@code rollback: ""}, {@code <empty/>}): Liquibase rolls the
         * changeset back by doing nothing, the changelog's way to mark it irreversible.
         */
        EMPTY,
        /** Neither: Liquibase cannot roll the changeset back. */
        NONE
    }

    /** A changeset's rollback: how it is known, and its statements (empty for {@link RollbackKind#NONE}). */
    record Rollback(RollbackKind kind, List<String> statements) {
    }

    private final Database database;

    ChangesetSql(Database database) {
        this.database = database;
    }

    /** The statements of the changeset's changes, in order. */
    List<String> update(ChangeSet changeSet) {
        List<String> statements = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof TagDatabaseChange) {
                continue;
            }
            add(SqlGeneratorFactory.getInstance().generateSql(change, database), statements);
        }
        return statements;
    }

    Rollback rollback(ChangeSet changeSet) {
        List<Change> explicit = changeSet.getRollback().getChanges();
        if (!explicit.isEmpty() && explicit.stream().allMatch(EmptyChange.class::isInstance)) {
            return new Rollback(RollbackKind.EMPTY, List.of());
        }
        if (!explicit.isEmpty()) {
            List<String> statements = new ArrayList<>();
            for (Change change : explicit) {
                if (!(change instanceof EmptyChange)) {
                    add(SqlGeneratorFactory.getInstance().generateSql(change, database), statements);
                }
            }
            return new Rollback(RollbackKind.EXPLICIT, statements);
        }
        return derived(changeSet).map(statements -> new Rollback(RollbackKind.DERIVED, statements))
                .orElse(new Rollback(RollbackKind.NONE, List.of()));
    }

    private Optional<List<String>> derived(ChangeSet changeSet) {
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Collections.reverse(changes);
        List<String> statements = new ArrayList<>();
        for (Change change : changes) {
            if (!change.supportsRollback(database)) {
                return Optional.empty();
            }
            try {
                SqlStatement[] inverse = change.generateRollbackStatements(database);
                add(SqlGeneratorFactory.getInstance().generateSql(inverse, database), statements);
            } catch (RollbackImpossibleException e) {
                return Optional.empty();
            }
        }
        return Optional.of(statements);
    }

    private static void add(Sql[] sqls, List<String> statements) {
        for (Sql sql : sqls) {
            String text = sql.toSql();
            if (text != null && !text.isBlank()) {
                statements.add(text.strip());
            }
        }
    }
}
