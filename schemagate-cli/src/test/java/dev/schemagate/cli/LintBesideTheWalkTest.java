package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.StatementListener;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.lint.Linter;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observed lint of {@code verify} runs on a thread of its own while the migrations are cycled and
 * applied, and finds what it finds when it runs alone.
 */
class LintBesideTheWalkTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void theLintObservesStatementsWhileTheWalkIsStillGoing(@TempDir Path dir) throws Exception {
        migrations(dir);
        LintWatch listener = new LintWatch(Duration.ofSeconds(60));

        VerifyResult result = new Verifier(listener).verify(options(dir));

        assertThat(listener.heardBeforeTheWalkEnded).as("a lint statement heard on another thread before the walk's end").isTrue();
        assertThat(result.runs()).allMatch(run -> run.status() == MigrationRun.Status.APPLIED);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("lint.add-index-non-concurrently");
    }

    @Test
    void aHistoryReachingOutsideItsDatabaseIsLintedAfterTheWalk(@TempDir Path dir) throws Exception {
        migrations(dir);
        // a role is the server's: the lint, ahead of the walk, would create it under the walk's feet
        Files.writeString(dir.resolve("4_role.up.sql"),
                "DO $$ BEGIN CREATE ROLE sg_beside_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n");
        Files.writeString(dir.resolve("4_role.down.sql"), "SELECT 1;\n");
        LintWatch listener = new LintWatch(Duration.ofSeconds(2));

        VerifyResult result = new Verifier(listener).verify(options(dir)
                .withServer(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION)));

        assertThat(listener.heardBeforeTheWalkEnded).as("no lint statement heard before the walk's end").isFalse();
        assertThat(result.findings()).extracting(Finding::ruleId).contains("lint.add-index-non-concurrently");
    }

    @Test
    void besideTheWalkTheLintFindsWhatItFindsAlone(@TempDir Path dir) throws Exception {
        migrations(dir);
        VerifyOptions options = options(dir);
        Dialect dialect = new PostgresDialect();
        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(dialect));
        List<Finding> alone;
        try (DatabaseServer server = dialect.start(options.server()); ScratchDatabase scratch = server.createDatabase()) {
            alone = new Linter(dialect, options.lintConfig()).lintObserved(set, HistoryCut.none(), scratch, false, options.rows(),
                    StatementListener.NONE).findings();
        }

        VerifyResult verified = new Verifier(ProgressListener.NONE).verify(options);

        assertThat(described(verified.findings().stream().filter(f -> f.ruleId().startsWith("lint.")).toList()))
                .isNotEmpty().isEqualTo(described(alone));
    }

    /**
     * Hears statements on threads other than the walk's (the one that made it), and holds the walk's
     * last migration until one is heard or {@code wait} is over: a lint that waits for the walk is never
     * heard by then, one beside the walk always is.
     */
    private static final class LintWatch implements ProgressListener {

        private final Thread walk = Thread.currentThread();
        private final CountDownLatch lintHeard = new CountDownLatch(1);
        private final Duration wait;
        private final AtomicBoolean heardBeforeTheWalkEnded = new AtomicBoolean();

        LintWatch(Duration wait) {
            this.wait = wait;
        }

        @Override
        public void running(Statement statement) {
            if (Thread.currentThread() != walk) {
                lintHeard.countDown();
            }
        }

        @Override
        public void migrationFinished(MigrationRun run, int index, int total) {
            if (index == total - 1) {
                try {
                    heardBeforeTheWalkEnded.set(lintHeard.await(wait.toMillis(), TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location() + " " + f.message()).toList();
    }

    private static void migrations(Path dir) throws Exception {
        Files.writeString(dir.resolve("1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(dir.resolve("1_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("2_email.up.sql"), "CREATE INDEX users_email ON users (email);\n");
        Files.writeString(dir.resolve("2_email.down.sql"), "DROP INDEX users_email;\n");
        Files.writeString(dir.resolve("3_name.up.sql"), "ALTER TABLE users ADD COLUMN name text;\n");
        Files.writeString(dir.resolve("3_name.down.sql"), "ALTER TABLE users DROP COLUMN name;\n");
    }

    private static VerifyOptions options(Path dir) {
        return VerifyOptions.of(dir).withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL))
                .withChecks(CheckName.defaults()).withRows(5, 1);
    }
}
