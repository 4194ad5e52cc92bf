package dev.schemagate.sqlite.plan;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.Hazard;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan oracle on SQLite: both schemas applied, the plan from one to the other written, and proven
 * as {@code diff} proves it (SOURCE rebuilt from its snapshot, seeded, the plan run on a copy, the
 * result equal to TARGET, no rows lost without a statement that says so). The pairs are the
 * project's own shapes: columns added in place, a table rebuilt with its index, trigger, view and a
 * child's foreign key, the rebuild of {@code SqliteVerifyTest}'s history, a table dropped.
 */
class SqlitePlanTest {

    @TempDir
    static Path dir;

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = Dialects.byId("sqlite").start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PlanProof prove(String name, String from, String to, boolean unsafe) throws IOException {
        Path source = Files.writeString(dir.resolve(name + "-from.sql"), from);
        Path target = Files.writeString(dir.resolve(name + "-to.sql"), to);
        PlanProof proof = DiffRun.planned(Dialects.byId("sqlite"), server, source.toString(), target.toString(),
                new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION), Layout.AUTO,
                        SnapshotOptions.full(), true, unsafe, 10)).proof();
        assertThat(proof.problems()).as(name + ":\n" + proof.plan().script()).isEmpty();
        return proof;
    }

    private static List<String> sql(PlanProof proof) {
        return proof.plan().statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void columnsSqliteCanAddOnRowsAreAddedInPlace() throws IOException {
        PlanProof proof = prove("add", "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
                "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, active INTEGER NOT NULL DEFAULT 1);\n"
                        + "CREATE INDEX person_email ON person (email);\n", false);

        assertThat(sql(proof)).containsExactly(
                "ALTER TABLE \"person\" ADD COLUMN \"email\" TEXT",
                "ALTER TABLE \"person\" ADD COLUMN \"active\" INTEGER NOT NULL DEFAULT 1",
                "CREATE INDEX \"person_email\" ON \"person\" (\"email\")");
    }

    @Test
    void anyOtherChangeRebuildsTheTableWithItsIndexesTriggersAndTheViewsThatReadIt() throws IOException {
        String from = """
                CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated TEXT);
                CREATE UNIQUE INDEX person_name ON person (name);
                CREATE TRIGGER person_touch AFTER UPDATE OF name ON person BEGIN
                  UPDATE person SET updated = 'now' WHERE id = new.id;
                END;
                CREATE VIEW named AS SELECT id, name FROM person WHERE name <> '';
                CREATE TABLE pet (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE);
                """;
        String to = """
                CREATE TABLE person (id INTEGER PRIMARY KEY, nick TEXT, name TEXT NOT NULL, updated TEXT) STRICT;
                CREATE UNIQUE INDEX person_name ON person (name);
                CREATE TRIGGER person_touch AFTER UPDATE OF name ON person BEGIN
                  UPDATE person SET updated = 'now' WHERE id = new.id;
                END;
                CREATE VIEW named AS SELECT id, name FROM person WHERE name <> '';
                CREATE TABLE pet (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE);
                """;

        PlanProof proof = prove("rebuild", from, to, false);

        assertThat(sql(proof)).first().isEqualTo("PRAGMA foreign_keys = OFF");
        assertThat(sql(proof)).contains("DROP VIEW \"named\"", "DROP TABLE \"person\"",
                "ALTER TABLE \"new_person\" RENAME TO \"person\"", "PRAGMA foreign_key_check")
                .anyMatch(s -> s.startsWith("INSERT INTO \"new_person\" (\"id\", \"name\", \"updated\") SELECT"))
                .anyMatch(s -> s.startsWith("CREATE TRIGGER person_touch"))
                .anyMatch(s -> s.startsWith("CREATE VIEW named"));
        assertThat(sql(proof)).last().isEqualTo("PRAGMA foreign_keys = ON");
        assertThat(proof.plan().statements()).extracting(PlannedStatement::change)
                .contains("table main.person", "view main.named");
        assertThat(proof.full().rowsLost()).isEmpty();
        assertThat(proof.heldBack()).isEmpty();
    }

    @Test
    void theStrictRebuildOfTheVerifyTestsHistoryRoundTrips() throws IOException {
        String person = "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated TEXT)";
        String trigger = "CREATE TRIGGER person_touch AFTER UPDATE ON person BEGIN\n"
                + "  UPDATE person SET updated = 'now' WHERE id = new.id;\nEND;\n";
        prove("strict", person + ";\n" + trigger, person + " STRICT;\n" + trigger, false);
        prove("plain", person + " STRICT;\n" + trigger, person + ";\n" + trigger, false);
    }

    @Test
    void droppingATableOrAColumnDeletesDataAndIsHeldBackUnlessAskedFor() throws IOException {
        String from = "CREATE TABLE a (id INTEGER PRIMARY KEY, gone TEXT, kept TEXT);\nCREATE TABLE b (id INTEGER PRIMARY KEY);\n";
        String to = "CREATE TABLE a (id INTEGER PRIMARY KEY, kept TEXT);\n";

        PlanProof safe = prove("drop", from, to, false);
        PlanProof unsafe = prove("drop-unsafe", from, to, true);

        assertThat(safe.heldBack()).extracting(PlannedStatement::sql).contains("DROP TABLE \"b\"", "DROP TABLE \"a\"");
        assertThat(unsafe.plan().destructive()).extracting(PlannedStatement::sql).contains("DROP TABLE \"b\"", "DROP TABLE \"a\"");
        assertThat(unsafe.plan().statements()).filteredOn(s -> s.sql().startsWith("INSERT"))
                .allMatch(s -> s.hazards().contains(Hazard.REWRITES_TABLE));
    }

    @Test
    void theProofRunsOnSeededRowsAndCountsTheRowsAStatementLoses() throws SQLException {
        Snapshot from = snapshot("CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT);");
        Snapshot to = snapshot("CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT, extra TEXT);");
        MigrationPlan lossy = new MigrationPlan(List.of(
                new PlannedStatement("ALTER TABLE \"a\" ADD COLUMN \"extra\" TEXT", Set.of(), "table main.a"),
                new PlannedStatement("DELETE FROM \"a\" WHERE \"id\" % 2 = 0", Set.of(), "table main.a")));

        PlanProof proof = new PlanValidator(Dialects.byId("sqlite"), server,
                new PlanValidator.PlanSettings(SnapshotOptions.full(), false, 10, 1)).prove(from, to, lossy, true);

        assertThat(proof.full().rowsLost()).containsOnlyKeys("table main.a");
        assertThat(proof.full().rowsLost().get("table main.a")).isPositive();
        assertThat(proof.problems()).singleElement().asString().contains("table main.a", "no statement serving it says it deletes data");
    }

    private static Snapshot snapshot(String sql) throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            Dialects.byId("sqlite").executeScript(connection, sql);
            return Dialects.byId("sqlite").snapshot(connection, SnapshotOptions.full());
        }
    }

    @Test
    void autoincrementCollateAndGeneratedColumnsAreAddedAndProven() throws IOException {
        String from = "CREATE TABLE ticket (id INTEGER PRIMARY KEY, title TEXT NOT NULL, price REAL);\n";
        String to = "CREATE TABLE ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL COLLATE NOCASE, price REAL,\n"
                + "  taxed REAL GENERATED ALWAYS AS (price * 1.2) STORED);\n";

        PlanProof proof = prove("attributes", from, to, false);

        assertThat(sql(proof)).anyMatch(s -> s.startsWith("CREATE TABLE \"new_ticket\"")
                && s.contains("\"title\" TEXT NOT NULL COLLATE NOCASE")
                && s.contains("\"taxed\" REAL GENERATED ALWAYS AS (price * 1.2) STORED")
                && s.contains("PRIMARY KEY (id AUTOINCREMENT)"));
        assertThat(sql(proof)).anyMatch(s -> s.startsWith("INSERT INTO \"new_ticket\" (\"id\", \"title\", \"price\") SELECT"));
    }

    @Test
    void aVirtualGeneratedColumnIsAddedInPlace() throws IOException {
        PlanProof proof = prove("virtual", "CREATE TABLE item (id INTEGER PRIMARY KEY, price REAL);\n",
                "CREATE TABLE item (id INTEGER PRIMARY KEY, price REAL, cheap INTEGER AS (price < 1));\n", false);

        assertThat(sql(proof)).containsExactly(
                "ALTER TABLE \"item\" ADD COLUMN \"cheap\" INTEGER GENERATED ALWAYS AS (price < 1) VIRTUAL");
    }

    /** AUTOINCREMENT never hands out a key twice: a rebuild carries the old table's high-water mark over. */
    @Test
    void rebuildingAnAutoincrementTableKeepsItsSequence() throws IOException, SQLException {
        String from = "CREATE TABLE ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT);\n";
        String to = "CREATE TABLE ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL);\n";

        PlanProof proof = prove("sequence", from, to, false);

        assertThat(sql(proof)).containsSubsequence("INSERT INTO \"new_ticket\" (\"id\", \"title\") SELECT \"id\", \"title\" FROM \"ticket\"",
                "DELETE FROM sqlite_sequence WHERE name = 'new_ticket'",
                "INSERT INTO sqlite_sequence (name, seq) SELECT 'new_ticket', seq FROM sqlite_sequence WHERE name = 'ticket'",
                "DROP TABLE \"ticket\"");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sequence.db"));
             Statement statement = connection.createStatement()) {
            statement.execute(from);
            statement.execute("INSERT INTO ticket (title) VALUES ('a'), ('b'), ('c')");
            statement.execute("DELETE FROM ticket WHERE id > 1");
            for (String planned : sql(proof)) {
                statement.execute(planned);
            }
            statement.execute("INSERT INTO ticket (title) VALUES ('d')");
            try (ResultSet last = statement.executeQuery("SELECT max(id) FROM ticket")) {
                assertThat(last.next()).isTrue();
                assertThat(last.getLong(1)).as("keys 2 and 3 were handed out before the rebuild").isEqualTo(4);
            }
        }
    }
}
