package dev.schemagate.engine;

import dev.schemagate.check.ReversibilityFindings;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Transaction;
import dev.schemagate.migration.Version;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that cannot run in a transaction, cycled on the data line with its rows, on the real
 * server: the cycle runs on the data line itself, which keeps the migration applied once when it ends
 * as the first up left it, even where down did not restore the schema; otherwise the data line is
 * left changed, and starts again from the working database with rows.
 */
class InPlaceCycleTest {

    private static final Dialect POSTGRES = Dialects.byId("postgres");
    private static final VerifyOptions OPTIONS = VerifyOptions.of(Path.of(".")).withRows(5, 1);

    @Test
    void aCycleThatEndsAsTheFirstUpLeftItRunsOnTheDataLineItselfAndKeepsTheMigration() throws SQLException {
        try (Lines lines = new Lines()) {
            Connection before = lines.data.database().connection();

            MigrationCycle.Result result = lines.cycle(migration("CREATE INDEX CONCURRENTLY notes_body ON notes (body)",
                    "DROP INDEX CONCURRENTLY notes_body"));

            assertThat(result.reversal()).as(result.findings().toString()).isEqualTo(MigrationRun.Reversal.REVERSED);
            assertThat(result.left()).isEqualTo(MigrationCycle.Left.APPLIED_ONCE);
            assertThat(lines.data.database().connection()).as("the data line's own connection, no clone").isSameAs(before);
            assertThat(count(before, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_body'")).isEqualTo(1);
            assertThat(count(before, "SELECT count(*) FROM notes")).isEqualTo(5);
        }
    }

    @Test
    void aDownThatDoesNotRestoreTheSchemaStillLeavesTheMigrationAppliedOnceWhenUpAgainGivesTheSameSchema() throws SQLException {
        try (Lines lines = new Lines()) {
            MigrationCycle.Result result = lines.cycle(migration(
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS notes_body ON notes (body)", "VACUUM notes"));

            assertThat(result.reversal()).isEqualTo(MigrationRun.Reversal.NOT_RESTORED);
            assertThat(result.left()).isEqualTo(MigrationCycle.Left.APPLIED_ONCE);
        }
    }

    @Test
    void aCycleThatEndsOtherwiseLeavesTheDataLineChangedAndItStartsAgainFromTheWorkingDatabase() throws SQLException {
        try (Lines lines = new Lines()) {
            Migration index = migration("CREATE INDEX CONCURRENTLY notes_body ON notes (body)", "VACUUM notes");

            MigrationCycle.Result result = lines.cycle(index);

            assertThat(result.left()).isEqualTo(MigrationCycle.Left.CHANGED);
            assertThat(result.findings()).anyMatch(f -> f.ruleId().equals(ReversibilityFindings.REAPPLY_FAILED));
            Connection changed = lines.data.database().connection();
            lines.data.startAgain(lines.working, index, lines.state, new ArrayList<>());
            Connection again = lines.data.database().connection();
            assertThat(changed.isClosed()).isTrue();
            assertThat(count(again, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_body'"))
                    .as("as the working database is, before the migration").isZero();
            assertThat(count(again, "SELECT count(*) FROM notes")).as("seeded again").isEqualTo(5);
        }
    }

    private static Migration migration(String up, String down) {
        return new Migration(Version.parse("2"), "index", outsideATransaction("2_index.up.sql", up),
                Optional.of(outsideATransaction("2_index.down.sql", down)));
    }

    /** A script as golang-migrate runs it: statement by statement, without a transaction. */
    private static Script outsideATransaction(String file, String sql) {
        return new Script(Path.of(file), Script.of(Path.of(file), sql).parts(), Transaction.none("golang-migrate"));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A working database holding one table, and a data line copied from it. */
    private static final class Lines implements AutoCloseable {

        final WorkingDatabase working = new WorkingDatabase(TestServer.shared());
        final DataLine data;
        final Snapshot state;

        Lines() throws SQLException {
            try (Statement statement = working.connection().createStatement()) {
                statement.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)");
            }
            state = POSTGRES.snapshot(working.connection(), SnapshotOptions.full());
            data = new DataLine(POSTGRES.data(), OPTIONS, working.copy());
        }

        MigrationCycle.Result cycle(Migration migration) throws SQLException {
            return new MigrationCycle(POSTGRES, new ScriptRunner(POSTGRES), OPTIONS, true)
                    .runKeeping(data.database(), migration, state, data.prepare(migration, state, new ArrayList<>()), result -> true);
        }

        @Override
        public void close() {
            data.close();
            working.close();
        }
    }
}
