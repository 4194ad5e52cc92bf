package dev.schemagate.postgres.observe;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.Observation;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One transaction of many statements, watched statement by statement: each statement is told its own
 * locks and changes, also when it changes a relation its transaction already locked (no new lock to see),
 * adds an index to a table that has one, or drops one relation or several; and the locks earlier
 * statements hold on the tables its migration started with, not on those it created. Run with the
 * reading after each statement read anew before the next and kept for it, as a transaction holding
 * many locks has it.
 */
class LongTransactionObservationTest {

    private static final int TABLES = 30;

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, 0})
    void eachStatementOfALongTransactionSeesItsOwnLocksAndChanges(int carriedFrom) throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            connection.createStatement().execute("CREATE TABLE existing (id bigint PRIMARY KEY, note text)");
            for (int i = 1; i <= TABLES; i++) {
                connection.createStatement().execute("CREATE TABLE t" + i + " (id integer PRIMARY KEY, amount integer)");
            }
            PostgresStatementObserver observer = new PostgresStatementObserver(true, carriedFrom);
            Set<String> existing = observer.tables(connection);
            connection.setAutoCommit(false);
            for (int i = 1; i <= TABLES; i++) {
                Observation created = watch(observer, connection, existing, "CREATE TABLE n" + i + " (id integer PRIMARY KEY)");
                assertThat(created.locks()).extracting(Observation.LockHeld::table).containsOnly("n" + i);
                assertThat(created.indexesBuilt()).containsExactly("n" + i + "_pkey on n" + i);
                assertThat(created.heldBefore()).as("tables created in the transaction: nobody else can wait on them").isEmpty();
            }
            for (int i = 1; i <= TABLES; i++) {
                Observation altered = watch(observer, connection, existing, "ALTER TABLE t" + i + " ADD COLUMN note text");
                assertThat(altered.locks()).extracting(Observation.LockHeld::table).containsOnly("t" + i);
                assertThat(tables(altered.heldBefore())).isEqualTo(java.util.stream.IntStream.range(1, i)
                        .mapToObj(k -> "t" + k).collect(java.util.stream.Collectors.toSet()));
            }

            Observation firstRewrite = watch(observer, connection, existing, "ALTER TABLE t1 ALTER COLUMN amount TYPE bigint");
            assertThat(firstRewrite.rewrites()).containsExactly("t1");
            assertThat(firstRewrite.locks()).extracting(l -> l.table() + " " + l.mode()).containsOnly("t1 SHARE");
            Observation rewrite = watch(observer, connection, existing, "ALTER TABLE t1 ALTER COLUMN amount TYPE numeric");
            assertThat(rewrite.rewrites()).containsExactly("t1");
            assertThat(rewrite.indexesBuilt()).containsExactly("t1_pkey on t1");
            assertThat(rewrite.locks()).isEmpty();
            assertThat(tables(rewrite.heldBefore())).hasSize(TABLES);
            assertThat(rewrite.heldBefore()).anyMatch(l -> l.table().equals("t1") && l.blocksReads());

            Observation renamed = watch(observer, connection, existing, "ALTER TABLE t2 RENAME TO renamed");
            assertThat(renamed.heldBefore()).extracting(Observation.LockHeld::table).contains("renamed").doesNotContain("t2");

            Observation reference = watch(observer, connection, existing,
                    "ALTER TABLE t3 ADD CONSTRAINT t3_existing FOREIGN KEY (amount) REFERENCES existing (id)");
            assertThat(reference.locks()).extracting(l -> l.table() + " " + l.mode()).contains("existing SHARE ROW EXCLUSIVE");
            assertThat(reference.rows()).containsEntry("existing", 0L);

            Observation dropped = watch(observer, connection, existing, "DROP TABLE t4");
            assertThat(dropped.heldBefore()).extracting(Observation.LockHeld::table).contains("t4");
            Observation after = watch(observer, connection, existing, "CREATE TABLE t4 (id integer)");
            assertThat(after.locks()).extracting(Observation.LockHeld::table).containsOnly("t4");
            assertThat(after.heldBefore()).extracting(Observation.LockHeld::table).doesNotContain("t4");
            Observation secondIndex = watch(observer, connection, existing, "CREATE INDEX t5_amount ON t5 (amount)");
            assertThat(secondIndex.indexesBuilt()).containsExactly("t5_amount on t5");
            Observation droppedTwo = watch(observer, connection, existing, "DROP TABLE t6, t7");
            assertThat(droppedTwo.heldBefore()).extracting(Observation.LockHeld::table).contains("t6", "t7");
            Observation again = watch(observer, connection, existing, "CREATE TABLE t7 (id integer)");
            assertThat(again.locks()).extracting(Observation.LockHeld::table).containsOnly("t7");
            assertThat(again.heldBefore()).extracting(Observation.LockHeld::table).doesNotContain("t6", "t7");
            assertThat(observer.tables(connection)).contains("renamed", "t4", "t7").doesNotContain("t2", "t6");
            connection.rollback();
        }
    }

    /**
     * A lock_timeout the migration sets counts from the statement after it, also when it sets the value the
     * connection already had (only the setting's source changes), and no longer once reset.
     */
    @Test
    void aLockTimeoutCountsOnceTheMigrationSetsItEvenToTheValueItHad() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            PostgresStatementObserver observer = new PostgresStatementObserver();
            Set<String> existing = observer.tables(connection);
            String own;
            try (java.sql.ResultSet rs = connection.createStatement().executeQuery("SHOW lock_timeout")) {
                rs.next();
                own = rs.getString(1);
            }
            connection.setAutoCommit(false);
            assertThat(watch(observer, connection, existing, "SELECT 1").lockTimeoutSet()).isFalse();
            assertThat(watch(observer, connection, existing, "SET lock_timeout = '" + own + "'").lockTimeoutSet()).isFalse();
            assertThat(watch(observer, connection, existing, "SELECT 2").lockTimeoutSet()).isEqualTo(!own.equals("0"));
            watch(observer, connection, existing, "RESET lock_timeout");
            assertThat(watch(observer, connection, existing, "SELECT 3").lockTimeoutSet()).isFalse();
            watch(observer, connection, existing, "SET LOCAL lock_timeout = '3s'");
            assertThat(watch(observer, connection, existing, "SELECT 4").lockTimeoutSet()).isTrue();
            connection.rollback();
        }
    }

    private static Set<String> tables(List<Observation.LockHeld> locks) {
        return locks.stream().map(Observation.LockHeld::table).collect(java.util.stream.Collectors.toSet());
    }

    private static Observation watch(PostgresStatementObserver observer, Connection connection, Set<String> existing, String sql)
            throws SQLException {
        Statement statement = Statement.sql(sql, Location.of(Path.of("long.sql")), true);
        return observer.observe(connection, statement, existing, () -> {
            try (java.sql.Statement run = connection.createStatement()) {
                run.execute(sql);
            }
        });
    }
}
