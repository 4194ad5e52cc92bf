package dev.schemagate.cli;

import dev.schemagate.dialect.Timeouts;
import dev.schemagate.postgres.server.ExternalPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code --db-url} run in a JVM of its own, stopped while a statement runs: SIGTERM drops its
 * scratch databases on the way out; SIGKILL leaves them, and a later run drops those that are
 * stale (old enough, of the pattern, nobody connected), and no other database.
 */
class KilledRunLeftoversTest {

    private static final long WAIT_MS = 60_000;

    @TempDir
    static Path dir;

    private static Path slow;

    @BeforeAll
    static void writeSlowHistory() throws IOException {
        slow = dir.resolve("slow");
        Files.createDirectories(slow);
        Files.writeString(slow.resolve("1_wait.up.sql"), "CREATE TABLE t (id int);\nSELECT pg_sleep(2);\n");
        Files.writeString(slow.resolve("1_wait.down.sql"), "DROP TABLE t;\n");
    }

    @Test
    void sigtermDropsTheRunsScratchDatabases() throws Exception {
        Process run = startWhileSleeping();

        run.destroy();

        assertThat(run.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(SecondServer.scratchDatabases()).isEmpty();
    }

    @Test
    void sigkillLeavesThemAndALaterRunDropsOnlyTheStaleOnes() throws Exception {
        Process run = startWhileSleeping();
        run.destroyForcibly();
        assertThat(run.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        List<String> leftovers = awaitUnused(SecondServer.scratchDatabases());
        assertThat(leftovers).isNotEmpty().allMatch(name -> name.matches("schemagate_\\d{10}_[a-z0-9]{6}_\\d+"));
        SecondServer.admin("CREATE DATABASE schemagate_keep");
        SecondServer.admin("CREATE DATABASE schemagate_1000000000_inuse0_1");
        try (Connection inUse = DriverManager.getConnection(SecondServer.url().replace("/postgres?", "/schemagate_1000000000_inuse0_1?"))) {

            ExternalPostgresServer.open(SecondServer.url(), Timeouts.DEFAULT, Duration.ofHours(6)).close();
            assertThat(SecondServer.scratchDatabases()).containsAll(leftovers);

            ExternalPostgresServer.open(SecondServer.url(), Timeouts.DEFAULT, Duration.ZERO).close();
            assertThat(SecondServer.scratchDatabases()).containsExactly("schemagate_1000000000_inuse0_1", "schemagate_keep");
        } finally {
            SecondServer.admin("DROP DATABASE schemagate_keep");
            SecondServer.admin("DROP DATABASE schemagate_1000000000_inuse0_1 WITH (FORCE)");
        }
    }

    /** Starts {@code schemagate verify --db-url} in a JVM of its own and waits until its slow statement runs. */
    private static Process startWhileSleeping() throws IOException, SQLException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "verify", slow.toString(), "--checks", "apply", "--db-url", SecondServer.url())
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (SecondServer.lines("SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'").isEmpty()) {
            assertThat(process.isAlive()).as(Files.readString(dir.resolve("run.log"))).isTrue();
            assertThat(System.currentTimeMillis()).as("the run never reached its slow statement").isLessThan(deadline);
            Thread.sleep(20);
        }
        return process;
    }

    /** Waits until the server has noticed the killed client and nobody is connected to the databases any more. */
    private static List<String> awaitUnused(List<String> databases) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!SecondServer.lines("SELECT pid FROM pg_stat_activity WHERE datname LIKE 'schemagate\\_%'").isEmpty()) {
            assertThat(System.currentTimeMillis()).as("connections of the killed run stay open").isLessThan(deadline);
            Thread.sleep(50);
        }
        return databases;
    }
}
