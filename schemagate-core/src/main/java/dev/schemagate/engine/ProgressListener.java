package dev.schemagate.engine;

import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

/** Hears about a run as it goes, so long runs can show progress. All methods do nothing by default. */
public interface ProgressListener {

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
}
