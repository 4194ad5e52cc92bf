package dev.schemagate.liquibase;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.RunCondition;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Transaction;
import dev.schemagate.migration.Version;
import liquibase.changelog.ChangeSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns changesets into migrations: described as {@code author:id}, at the file and line of the
 * changeset element, with the SQL Liquibase generates for each change as one statement each. The
 * synthetic version is the position of the changeset's file in the order the changelog includes
 * it and the changeset's position in the file ({@code 2.3} is the third changeset of the second
 * file), so that migrations sort as Liquibase runs them. {@code runInTransaction="false"} runs up
 * and rollback outside a transaction; a changeset Liquibase can roll back neither from a
 * {@code <rollback>} block nor by itself has no down script, and one whose rollback is empty
 * ({@code <rollback/>}) is marked irreversible.
 */
final class ChangesetMigrations {

    /**
     * The down script of a changeset whose rollback is empty: Schemagate's mark of a migration
     * irreversible on purpose, so that it is reported as SQL layouts report one marked so.
     */
    private static final String EMPTY_ROLLBACK = "-- schemagate:irreversible its rollback is empty,"
            + " so Liquibase rolls it back by leaving it in place";
    private static final Transaction LIQUIBASE = Transaction.wrapped("Liquibase", "set runInTransaction=\"false\" on its changeset");

    private final SearchRoots roots;
    private final ChangesetSql sql;
    private final Map<Path, Integer> files = new LinkedHashMap<>();
    private final Map<Path, Integer> counts = new HashMap<>();
    private final Map<Path, ChangesetLines> lines = new HashMap<>();

    ChangesetMigrations(SearchRoots roots, ChangesetSql sql) {
        this.roots = roots;
        this.sql = sql;
    }

    Migration migration(ChangeSet changeSet, Optional<RunCondition> condition) {
        Location at = where(changeSet);
        Path file = at.file();
        int position = files.computeIfAbsent(file, f -> files.size() + 1);
        int index = counts.merge(file, 1, Integer::sum);
        Transaction transaction = changeSet.isRunInTransaction() ? LIQUIBASE : Transaction.none("Liquibase");
        List<String> update = sql.update(changeSet);
        ChangesetSql.Rollback rollback = sql.rollback(changeSet);
        UnsetParameters.refuse(changeSet, at, update, rollback.statements());
        Script up = script(at, update, transaction);
        Optional<Script> down = switch (rollback.kind()) {
            case NONE -> Optional.empty();
            case EMPTY -> Optional.of(new Script(at.file(), List.of(new ScriptPart(EMPTY_ROLLBACK, at.line(), 1, null)), transaction,
                    at.line()));
            case EXPLICIT, DERIVED -> Optional.of(script(at, rollback.statements(), transaction));
        };
        return new Migration(Version.parse(position + "." + index), changeSet.getAuthor() + ":" + changeSet.getId(), up, down,
                condition);
    }

    /** The file and line of the changeset's element. */
    Location where(ChangeSet changeSet) {
        Path file = roots.file(changeSet.getFilePath());
        ChangesetLines found = lines.computeIfAbsent(file, f -> new ChangesetLines(f.getFileName().toString(), text(f)));
        return new Location(file, found.line(changeSet.getId(), changeSet.getAuthor()), 1);
    }

    private static Script script(Location at, List<String> statements, Transaction transaction) {
        return new Script(at.file(), statements.stream().map(s -> new ScriptPart(s, at.line(), 1, null)).toList(), transaction, at.line());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
