package dev.schemagate.postgres.observe;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.Observation;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One transaction of many statements, watched statement by statement: each statement is told its own
 * locks and changes, also when it changes a relation its transaction already locked (no new lock to see),
 * adds an index to a table that has one, or drops one relation or several.
 */
class LongTransactionObservationTest {

    private static final int TABLES = 30;

    @Test
    void eachStatementOfALongTransactionSeesItsOwnLocksAndChanges() throws SQLException {
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            connection.createStatement().execute("CREATE TABLE existing (id bigint PRIMARY KEY, note text)");
            PostgresStatementObserver observer = new PostgresStatementObserver();
            Set<String> existing = observer.tables(connection);
            connection.setAutoCommit(false);
            List<Observation> creates = new ArrayList<>();
            for (int i = 1; i <= TABLES; i++) {
                creates.add(watch(observer, connection, existing, "CREATE TABLE t" + i + " (id integer PRIMARY KEY, amount integer)"));
            }
            for (int i = 0; i < TABLES; i++) {
                Observation created = creates.get(i);
                assertThat(created.locks()).extracting(Observation.LockHeld::table).containsOnly("t" + (i + 1));
                assertThat(created.indexesBuilt()).containsExactly("t" + (i + 1) + "_pkey on t" + (i + 1));
                assertThat(tables(created.heldBefore())).isEqualTo(java.util.stream.IntStream.rangeClosed(1, i)
                        .mapToObj(k -> "t" + k).collect(java.util.stream.Collectors.toSet()));
            }

            Observation rewrite = watch(observer, connection, existing, "ALTER TABLE t1 ALTER COLUMN amount TYPE bigint");
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
