package dev.schemagate.engine;

import dev.schemagate.check.StatementListener;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;

/** Hears about a run as it goes, so long runs can show progress. All methods do nothing by default. */
public interface ProgressListener extends StatementListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** The migrations were found, the history cut from them, and the server is up. */
    default void started(MigrationSet migrations, HistoryCut cut, String server) {
    }

    /** A migration is about to run. */
    default void migrationStarted(Migration migration, int index, int total) {
    }

    /** A migration has run (or failed). */
    default void migrationFinished(MigrationRun run, int index, int total) {
    }

    /** A statement is about to run: of a migration, its cycle, or the lint's observed run. */
    @Override
    default void running(Statement statement) {
    }

    /** Tells both listeners, in order. */
    static ProgressListener both(ProgressListener first, ProgressListener second) {
        return new ProgressListener() {
            @Override
            public void started(MigrationSet migrations, HistoryCut cut, String server) {
                first.started(migrations, cut, server);
                second.started(migrations, cut, server);
            }

            @Override
            public void migrationStarted(Migration migration, int index, int total) {
                first.migrationStarted(migration, index, total);
                second.migrationStarted(migration, index, total);
            }

            @Override
            public void migrationFinished(MigrationRun run, int index, int total) {
                first.migrationFinished(run, index, total);
                second.migrationFinished(run, index, total);
            }

            @Override
            public void running(Statement statement) {
                first.running(statement);
                second.running(statement);
            }
        };
    }
}
