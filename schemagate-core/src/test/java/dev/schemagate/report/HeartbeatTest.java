package dev.schemagate.report;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** What a quiet run says about itself: how long so far, the statement it runs, and for how long. */
class HeartbeatTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void namesTheStatementThatRunsAndHowLong() {
        try (Heartbeat heartbeat = Heartbeat.start(new PrintWriter(new StringWriter()), new ReportPaths(Path.of("/repo")))) {
            assertThat(heartbeat.notice(System.nanoTime() + 4 * SECOND)).matches("schemagate: [45] s so far, starting the database");

            heartbeat.running(Statement.sql("SELECT pg_sleep(60)\n  -- wait", new Location(Path.of("/repo/db/0042_wait.up.sql"), 3, 1), true));

            assertThat(heartbeat.notice(System.nanoTime() + 12 * SECOND))
                    .matches("schemagate: 1[23] s so far, running db/0042_wait.up.sql:3 \\(SELECT pg_sleep\\(60\\)\\) for 1[12] s");
        }
    }

    @Test
    void namesTheStatementRunningLongestWhileAnotherThreadRunsStatements() throws InterruptedException {
        try (Heartbeat heartbeat = Heartbeat.start(new PrintWriter(new StringWriter()), new ReportPaths(Path.of("/repo")))) {
            heartbeat.running(Statement.sql("SELECT pg_sleep(60)", new Location(Path.of("/repo/db/0042_wait.up.sql"), 3, 1), true));
            CountDownLatch ran = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread lint = new Thread(() -> {
                heartbeat.running(Statement.sql("CREATE INDEX t_c ON t (c)", new Location(Path.of("/repo/db/0043_index.up.sql"), 1, 1), true));
                ran.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            lint.start();
            ran.await();

            assertThat(heartbeat.notice(System.nanoTime() + 12 * SECOND)).contains("running db/0042_wait.up.sql:3 (SELECT pg_sleep(60))");

            heartbeat.migrationFinished(null, 0, 1);
            assertThat(heartbeat.notice(System.nanoTime() + 12 * SECOND)).contains("running db/0043_index.up.sql:1 (CREATE INDEX");

            done.countDown();
            lint.join();
            assertThat(heartbeat.notice(System.nanoTime() + 12 * SECOND)).matches("schemagate: 1[23] s so far");
        }
    }

    @Test
    void speaksOnTheErrorStreamOnlyAfterAQuietWhile() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (Heartbeat heartbeat = Heartbeat.start(new PrintWriter(err), new ReportPaths(Path.of("/repo")))) {
            heartbeat.running(Statement.sql("SELECT 1", new Location(Path.of("/repo/1.sql"), 1, 1), true));
            assertThat(err.toString()).isEmpty();
            Thread.sleep((Heartbeat.FIRST_NOTICE_SECONDS + 1) * 1000);
        }
        assertThat(err.toString()).startsWith("schemagate: ").contains("running 1.sql:1 (SELECT 1)");
    }
}
