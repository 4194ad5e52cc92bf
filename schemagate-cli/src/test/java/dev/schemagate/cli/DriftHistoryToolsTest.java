package dev.schemagate.cli;

import dev.schemagate.corpus.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift reads the history tables of dbmate, diesel, Liquibase and popx, each created as its tool
 * creates it, and of popx on the first part of Hydra's real history.
 */
class DriftHistoryToolsTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEPS = List.of(
            "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n",
            "CREATE TABLE orders (id int PRIMARY KEY, account int REFERENCES accounts);\n",
            "CREATE TABLE invoices (id int PRIMARY KEY);\n");

    /** A folder of three migrations in the tool's layout, and the SQL that makes its table record the first two. */
    private record Fixture(Path folder, String history, String at) {
    }

    private static Fixture fixture(String tool, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        switch (tool) {
            case "dbmate" -> {
                for (int i = 1; i <= 3; i++) {
                    Files.writeString(folder.resolve("2024010100000" + i + "_step_" + i + ".sql"),
                            "-- migrate:up\n" + STEPS.get(i - 1) + "\n-- migrate:down\nSELECT 1;\n");
                }
                return new Fixture(folder, """
                        CREATE TABLE IF NOT EXISTS "schema_migrations" (version varchar(128) primary key);
                        INSERT INTO schema_migrations (version) VALUES ('20240101000001'), ('20240101000002');
                        """, "20240101000002");
            }
            case "diesel" -> {
                for (int i = 1; i <= 3; i++) {
                    Path migration = Files.createDirectories(folder.resolve("2024-01-01-00000" + i + "_step_" + i));
                    Files.writeString(migration.resolve("up.sql"), STEPS.get(i - 1));
                    Files.writeString(migration.resolve("down.sql"), "SELECT 1;\n");
                }
                return new Fixture(folder, """
                        CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
                               version VARCHAR(50) PRIMARY KEY NOT NULL,
                               run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
                        );
                        INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101000001'), ('20240101000002');
                        """, "20240101000002");
            }
            case "liquibase" -> {
                Files.writeString(folder.resolve("changelog.sql"), "--liquibase formatted sql\n\n--changeset alice:1\n" + STEPS.get(0)
                        + "--rollback SELECT 1;\n\n--changeset alice:2\n" + STEPS.get(1) + "--rollback SELECT 1;\n\n--changeset bob:3\n"
                        + STEPS.get(2) + "--rollback SELECT 1;\n");
                return new Fixture(folder, """
                        CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL,
                            LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (ID));
                        CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,
                            FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL,
                            EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255),
                            TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));
                        INSERT INTO databasechangelog VALUES
                            ('1', 'alice', 'db/changelog.sql', now(), 1, 'EXECUTED', '9:0', 'sql', '', NULL, '4.29.0', NULL, NULL, '1'),
                            ('2', 'alice', 'db/changelog.sql', now(), 2, 'EXECUTED', '9:0', 'sql', '', NULL, '4.29.0', NULL, NULL, '1');
                        """, "alice:2");
            }
            default -> throw new IllegalArgumentException(tool);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dbmate", "diesel", "liquibase"})
    void theToolsTableSaysWhichMigrationsAreApplied(String tool, @TempDir Path dir) throws IOException, SQLException {
        Fixture fixture = fixture(tool, dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase();
             Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(STEPS.get(0) + STEPS.get(1) + fixture.history());

            CommandRun run = CommandRun.of("drift", "--expected", fixture.folder().toString(), "--actual",
                    database.jdbcUrl() + "?user=" + database.username() + "&password=" + database.password(),
                    "--db-url", URL, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode environment = JSON.readTree(run.out()).elements().next();
            assertThat(environment.get("differences")).isEmpty();
            assertThat(environment.get("history").get("tool").asText()).isEqualTo(tool);
            assertThat(environment.get("history").get("at").asText()).isEqualTo(fixture.at());
            assertThat(environment.get("history").get("pending")).hasSize(1);
        }
    }

    /**
     * Hydra's first 100 migrations applied, as popx records them: the oldest ten under the 14-digit
     * versions of the migrator popx replaced, which popx still counts as applied.
     */
    @Test
    void hydrasHistoryHalfAppliedUnderPopx() throws IOException, SQLException {
        Path folder = Corpus.folder("hydra-migrations/persistence/sql/migrations");
        Dialect dialect = Dialects.byId("postgres");
        MigrationSet set = MigrationDiscovery.discover(folder, Layout.AUTO, DialectNames.of(dialect.fileNameAliases()));
        List<Migration> applied = set.migrations().subList(0, 100);
        try (ScratchDatabase database = TestServer.shared().createDatabase(); Connection connection = database.connect()) {
            ScriptRunner runner = new ScriptRunner(dialect);
            for (Migration migration : applied) {
                assertThat(runner.run(connection, migration.up()).succeeded()).as(migration.displayName()).isTrue();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0);"
                        + "CREATE UNIQUE INDEX schema_migration_version_idx ON schema_migration (version);"
                        + "CREATE INDEX schema_migration_version_self_idx ON schema_migration (version_self);");
                for (int i = 0; i < applied.size(); i++) {
                    String version = applied.get(i).version().text();
                    statement.execute("INSERT INTO schema_migration (version) VALUES ('" + (i < 10 ? version.substring(0, 14) : version) + "')");
                }
            }

            CommandRun run = CommandRun.of("drift", "--expected", folder.toString(), "--actual",
                    database.jdbcUrl() + "?user=" + database.username() + "&password=" + database.password(),
                    "--db-url", URL, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode environment = JSON.readTree(run.out()).elements().next();
            assertThat(environment.get("differences")).isEmpty();
            JsonNode history = environment.get("history");
            assertThat(history.get("tool").asText()).isEqualTo("popx");
            assertThat(history.get("at").asText()).isEqualTo(applied.get(99).version().text());
            assertThat(history.get("applied").asInt()).isEqualTo(100);
            assertThat(history.get("pending")).hasSize(set.migrations().size() - 100);
            assertThat(history.get("unknown")).isEmpty();
        }
    }
}
