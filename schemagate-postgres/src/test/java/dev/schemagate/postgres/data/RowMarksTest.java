package dev.schemagate.postgres.data;

import dev.schemagate.model.QualifiedName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row marks on the real server: every kind of write moves the mark of the table written (and of
 * the partitioned or parent table whose reads return its rows), committed or still in its
 * transaction, and no other table's; inside a transaction, the marks of the tables it wrote are all
 * the marks that can have moved.
 */
class RowMarksTest {

    private static final QualifiedName PLAIN = QualifiedName.of("public", "plain");
    private static final QualifiedName OTHER = QualifiedName.of("public", "other");
    private static final QualifiedName MEASURES = QualifiedName.of("public", "measures");
    private static final QualifiedName BASE = QualifiedName.of("public", "base");
    private static final PostgresDataProbe PROBE = new PostgresDataProbe();

    private static Fixture fixture;

    @BeforeAll
    static void create() throws SQLException {
        fixture = new Fixture("");
    }

    /** The tables as each write expects them: writes in autocommit stay. */
    @BeforeEach
    void tables() throws SQLException {
        fixture.execute("""
                DROP TABLE IF EXISTS plain, other, measures, base, derived;
                CREATE TABLE plain (id int PRIMARY KEY, name text);
                INSERT INTO plain SELECT i, 'n' || i FROM generate_series(1, 5) i;
                CREATE TABLE other (id int);
                INSERT INTO other VALUES (1);
                CREATE TABLE measures (at date NOT NULL, v int) PARTITION BY RANGE (at);
                CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                INSERT INTO measures VALUES ('2024-05-01', 1);
                CREATE TABLE base (id int);
                CREATE TABLE derived (extra text) INHERITS (base);
                INSERT INTO derived VALUES (1, 'x');
                """);
    }

    /** Writes of every kind, each to one table or to a partition or child of one. */
    static List<String> writes() {
        return List.of(
                "INSERT INTO plain VALUES (100, 'new')",
                "UPDATE plain SET name = name WHERE id = 1",
                "DELETE FROM plain WHERE id = 2",
                "TRUNCATE plain",
                "ALTER TABLE plain ADD COLUMN flag boolean NOT NULL DEFAULT true",
                "ALTER TABLE plain ALTER COLUMN id TYPE bigint",
                "INSERT INTO measures_2024 VALUES ('2024-06-01', 2)",
                "UPDATE derived SET id = 2",
                "DELETE FROM plain WHERE id = -1; INSERT INTO plain VALUES (101, 'n')");
    }

    @AfterAll
    static void drop() throws SQLException {
        fixture.close();
    }

    @ParameterizedTest
    @MethodSource("writes")
    void aWriteMovesTheMarkOfTheTablesWhoseReadsItChanges(String write) throws SQLException {
        for (boolean inTransaction : new boolean[] {true, false}) {
            Map<QualifiedName, String> before = marks();
            assertThat(marks()).as("read twice, nothing written").isEqualTo(before);
            fixture.connection.setAutoCommit(!inTransaction);
            try {
                fixture.execute(write);
                Map<QualifiedName, String> after = marks();
                boolean plain = write.contains("plain");
                assertThat(after.get(PLAIN).equals(before.get(PLAIN))).as(write).isEqualTo(!plain);
                assertThat(after.get(MEASURES).equals(before.get(MEASURES))).as(write).isEqualTo(!write.contains("measures"));
                assertThat(after.get(BASE).equals(before.get(BASE))).as(write).isEqualTo(!write.contains("derived"));
                assertThat(after.get(OTHER)).as(write).isEqualTo(before.get(OTHER));
            } finally {
                if (inTransaction) {
                    fixture.connection.rollback();
                    fixture.connection.setAutoCommit(true);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("writes")
    void insideATransactionTheMarksOfWhatItWroteAreAllAMarkCanHaveMoved(String write) throws SQLException {
        Map<QualifiedName, String> before = marks();
        fixture.connection.setAutoCommit(false);
        try {
            assertThat(written()).as("nothing written yet").doesNotContainKeys(PLAIN, OTHER);
            fixture.execute(write);
            Map<QualifiedName, String> all = marks();
            Map<QualifiedName, String> written = written();
            all.forEach((table, mark) -> {
                if (!mark.equals(before.get(table))) {
                    assertThat(written).as(write).containsEntry(table, mark);
                }
            });
            written.forEach((table, mark) -> assertThat(all).as(write).containsEntry(table, mark));
            assertThat(written).as(write).doesNotContainKey(OTHER);
        } finally {
            fixture.connection.rollback();
            fixture.connection.setAutoCommit(true);
        }
    }

    private static Map<QualifiedName, String> marks() throws SQLException {
        return PROBE.rowMarks(fixture.connection).orElseThrow();
    }

    private static Map<QualifiedName, String> written() throws SQLException {
        return PROBE.writtenRowMarks(fixture.connection).orElseThrow();
    }
}
