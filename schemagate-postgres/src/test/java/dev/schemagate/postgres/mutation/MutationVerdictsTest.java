package dev.schemagate.postgres.mutation;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.mutation.Verdict;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts that depend on what the gate and the server really did: a mutant that only makes an
 * existing finding worse is caught, and a mutant past {@code --timeout} is stopped on the server.
 */
class MutationVerdictsTest {

    @Test
    void aMutantThatOnlyWorsensAFindingTheOriginalAlreadyHasIsKilled(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_items.up.sql"), "CREATE TABLE items (id int PRIMARY KEY, a int, b int, c int);\n");
        Files.writeString(dir.resolve("1_items.down.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("2_indexes.up.sql"),
                "CREATE INDEX items_a ON items (a);\nCREATE INDEX items_b ON items (b);\nCREATE INDEX items_c ON items (c);\n");
        // items_b is never dropped: the unmutated down script already fails the reversibility check
        Files.writeString(dir.resolve("2_indexes.down.sql"), "DROP INDEX items_a;\nDROP INDEX items_c;\n");
        MutationResult result = mutate(dir, Duration.ofMinutes(2));

        MutantResult worse = result.results().stream()
                .filter(r -> r.mutant().operator().id().equals("rollback.drop-statement") && r.mutant().diff().contains("-DROP INDEX items_a;"))
                .findFirst().orElseThrow();
        assertThat(worse.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(worse.caughtBy()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("reversibility.schema-not-restored");
            assertThat(String.join("\n", f.evidence())).contains("items_a").contains("items_b");
        });
    }

    @Test
    void aMutantPastTheTimeoutIsStoppedOnTheServerAndItsDatabasesDropped(@TempDir Path dir) throws IOException, SQLException {
        Files.writeString(dir.resolve("1_flag.up.sql"), "CREATE TABLE flag (id int);\n");
        // without the insert, the loop waits for a row that never comes
        Files.writeString(dir.resolve("1_flag.down.sql"), """
                INSERT INTO flag VALUES (-424242);
                DO $$ BEGIN WHILE NOT EXISTS (SELECT 1 FROM flag WHERE id = -424242) LOOP PERFORM pg_sleep(0.2); END LOOP; END $$;
                DROP TABLE flag;
                """);
        List<String> before = scratchDatabases();
        MutationResult result = mutate(dir, Duration.ofSeconds(8));

        MutantResult looping = result.results().stream()
                .filter(r -> r.mutant().operator().id().equals("rollback.drop-statement") && r.mutant().diff().contains("-INSERT INTO flag"))
                .findFirst().orElseThrow();
        assertThat(looping.verdict()).isEqualTo(Verdict.TIMED_OUT);
        assertThat(backendsRunning("pg_sleep")).isZero();
        assertThat(scratchDatabases()).isSubsetOf(before);
    }

    private static MutationResult mutate(Path dir, Duration timeout) {
        MutationOptions options = new MutationOptions(VerifyOptions.of(dir), 2, 0, 1, timeout, null, dir, 0);
        return new MutationRun(r -> { }).runOn(options, TestServer.shared());
    }

    private static int backendsRunning(String text) throws SQLException {
        try (ScratchDatabase probe = TestServer.shared().createDatabase(); Connection connection = probe.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%" + text
                     + "%' AND state = 'active' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> scratchDatabases() throws SQLException {
        try (ScratchDatabase probe = TestServer.shared().createDatabase(); Connection connection = probe.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'schemagate%' "
                     + "AND datname <> current_database()")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
