package dev.schemagate.profile;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.lint.Observation;

import java.time.Duration;
import java.util.List;

/**
 * One run of one migration on a fresh copy of the filled database: what each statement did, and
 * the whole migration's time (statements and commit, without the observer's own reads), write-ahead
 * bytes and temporary-file bytes. A failed run says where and why instead.
 */
record Trial(Duration time, long logBytes, long tempBytes, List<StatementRun> statements, String failure, FailedStatement cause) {

    Trial {
        statements = List.copyOf(statements);
    }

    /**
     * One statement's run.
     *
     * @param pagesRead pages of tables it read, -1 when it ran outside a transaction (where they cannot be read)
     * @param locks the strongest lock it took on each table that existed before its migration
     * @param held  how long the locks it took were held: from its start until its transaction ended
     *             (its own time when it ran outside a transaction, where its locks cannot be read)
     */
    record StatementRun(Duration time, Duration held, List<Observation.LockHeld> locks, List<String> rewrites,
                        List<String> indexes, long logBytes, long pagesRead, boolean inTransaction) {
    }
}
