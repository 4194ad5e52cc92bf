package dev.schemagate.liquibase;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
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
 * {@code <rollback>} block nor by itself has no down script.
 */
final class ChangesetMigrations {

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

    Migration migration(ChangeSet changeSet) {
        Location at = where(changeSet);
        Path file = at.file();
        int position = files.computeIfAbsent(file, f -> files.size() + 1);
        int index = counts.merge(file, 1, Integer::sum);
        Transaction transaction = changeSet.isRunInTransaction() ? LIQUIBASE : Transaction.none("Liquibase");
        Script up = script(at, sql.update(changeSet), transaction);
        ChangesetSql.Rollback rollback = sql.rollback(changeSet);
        Optional<Script> down = rollback.kind() == ChangesetSql.RollbackKind.NONE ? Optional.empty()
                : Optional.of(script(at, rollback.statements(), transaction));
        return new Migration(Version.parse(position + "." + index), changeSet.getAuthor() + ":" + changeSet.getId(), up, down);
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
