package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.TestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schemagate drift} on environments with a history table: compared with the migrations they
 * applied, pending ones listed, failed and unknown entries and edited scripts reported. Flyway's
 * table is written by Flyway itself; the other tools' tables are created as each tool creates them.
 */
class DriftHistoryTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEPS = List.of(
            "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n",
            "CREATE TABLE orders (id int PRIMARY KEY, account int REFERENCES accounts);\n",
            "CREATE INDEX orders_account ON orders (account);\n",
            "ALTER TABLE accounts ADD COLUMN email text;\n",
            "CREATE TABLE invoices (id int PRIMARY KEY);\n");

    private static String url(ScratchDatabase database) {
        return database.jdbcUrl() + "?user=" + database.username() + "&password=" + database.password();
    }

    private static Path flywayFolder(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db"));
        for (int i = 0; i < STEPS.size(); i++) {
            Files.writeString(folder.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".sql"), STEPS.get(i));
        }
        return folder;
    }

    private static void flywayMigrate(ScratchDatabase database, Path folder, String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("filesystem:" + folder).target(target).load().migrate();
    }

    private static CommandRun drift(Path folder, ScratchDatabase database, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "--expected", folder.toString(), "--actual", url(database),
                "--db-url", URL));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private static JsonNode history(CommandRun run) throws IOException {
        JsonNode root = JSON.readTree(run.out());
        return root.elements().next().get("history");
    }

    private static void sql(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void anEnvironmentFlywayMigratedToAVersionIsComparedWithThatVersion(@TempDir Path dir) throws IOException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "3");

            CommandRun text = drift(folder, database);
            CommandRun json = drift(folder, database, "--format", "json");

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("at version 3 (Flyway, public.flyway_schema_history), 2 pending, no drift",
                    "pending: 4 step_4, 5 step_5");
            JsonNode history = history(json);
            assertThat(history.get("at").asText()).isEqualTo("3");
            assertThat(history.get("applied").asInt()).isEqualTo(3);
            assertThat(history.get("pending")).extracting(JsonNode::asText).containsExactly("4 step_4", "5 step_5");
            assertThat(history.get("checksumMismatches")).isEmpty();
            assertThat(JSON.readTree(json.out()).elements().next().get("differences")).isEmpty();
        }
    }

    @Test
    void aScriptEditedAfterFlywayAppliedItIsAChecksumMismatch(@TempDir Path dir) throws IOException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "3");
            Path edited = folder.resolve("V2__step_2.sql");
            Files.writeString(edited, STEPS.get(1) + "-- reviewed\n");

            CommandRun run = drift(folder, database, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
            JsonNode mismatches = history(run).get("checksumMismatches");
            assertThat(mismatches).hasSize(1);
            assertThat(mismatches.get(0).get("file").asText()).isEqualTo(edited.toString());
            assertThat(mismatches.get(0).get("migration").asText()).isEqualTo("2 step_2");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(Examples.root().resolveSibling("docs/diff-json.schema.json")));
            assertThat(schema.validate(JSON.readTree(run.out()).elements().next())).isEmpty();
        }
    }

    @Test
    void aRowDeletedFromTheHistoryLeavesAnOutOfOrderMigrationAndNoComparison(@TempDir Path dir) throws IOException, SQLException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "3");
            sql(database, "DELETE FROM flyway_schema_history WHERE version = '2'");

            CommandRun run = drift(folder, database, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
            JsonNode history = history(run);
            assertThat(history.get("outOfOrder")).extracting(JsonNode::asText).containsExactly("2 step_2");
            assertThat(history.get("notRebuilt").asText()).contains("V3__step_3.sql", "orders");
        }
    }

    @Test
    void flywaysTableSettingIsHonoured(@TempDir Path dir) throws IOException {
        Path folder = flywayFolder(dir);
        Files.writeString(folder.resolve("flyway.conf"), "flyway.table=app_history\n");
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations("filesystem:" + folder).table("app_history").target("4").load().migrate();

            CommandRun run = drift(folder, database);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("at version 4 (Flyway, public.app_history), 1 pending, no drift");
        }
    }

    /** Flyway's checksum ignores line endings and a leading byte order mark: Flyway itself validates these files. */
    @Test
    void lineEndingsAndAByteOrderMarkAreNoMismatchAsForFlyway(@TempDir Path dir) throws IOException {
        Path folder = flywayFolder(dir);
        Files.writeString(folder.resolve("V1__step_1.sql"), "\ufeff-- accounts\r\n" + STEPS.get(0).replace("\n", "\r\n"));
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "2");
            Files.writeString(folder.resolve("V1__step_1.sql"), "-- accounts\n" + STEPS.get(0));
            Files.writeString(folder.resolve("V2__step_2.sql"), STEPS.get(1).replace("\n", "\r"));
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations("filesystem:" + folder).target("2").load().validate();

            CommandRun run = drift(folder, database, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(history(run).get("checksumMismatches")).isEmpty();
        }
    }

    @Test
    void aHandMadeChangeIsDriftAgainstTheAppliedVersion(@TempDir Path dir) throws IOException, SQLException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "2");
            sql(database, "ALTER TABLE orders ADD COLUMN hotfix int");

            CommandRun run = drift(folder, database);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(run.out()).contains("at version 2 (Flyway, public.flyway_schema_history), 3 pending, drifted",
                    "+ column hotfix").doesNotContain("flyway_schema_history ", "orders_account", "invoices");
        }
    }

    @Test
    void withoutAHistoryTableTheEnvironmentIsComparedWithTheFolderEnd(@TempDir Path dir) throws IOException, SQLException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            sql(database, String.join("", STEPS));

            CommandRun run = drift(folder, database);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("no history table, so compared with the folder's end: no drift");
        }
    }

    @Test
    void golangMigrateCountsEveryVersionUpToItsRowAndADirtyOneFails(@TempDir Path dir) throws IOException, SQLException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < STEPS.size(); i++) {
            Files.writeString(folder.resolve((i + 1) + "_step_" + (i + 1) + ".up.sql"), STEPS.get(i));
            Files.writeString(folder.resolve((i + 1) + "_step_" + (i + 1) + ".down.sql"), "SELECT 1;\n");
        }
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            sql(database, STEPS.get(0) + STEPS.get(1)
                    + "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null);"
                    + "INSERT INTO schema_migrations VALUES (2, false);");

            CommandRun clean = drift(folder, database, "--format", "json");
            sql(database, "UPDATE schema_migrations SET version = 3, dirty = true");
            CommandRun dirty = drift(folder, database, "--format", "json");

            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            assertThat(history(clean).get("at").asText()).isEqualTo("2");
            assertThat(history(clean).get("tool").asText()).isEqualTo("golang-migrate");
            assertThat(history(clean).get("pending")).hasSize(3);
            assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(history(dirty).get("failed")).extracting(JsonNode::asText).containsExactly("3");
            assertThat(history(dirty).get("pending")).hasSize(2);
        }
    }

    @Test
    void sqlxChecksumsAreCheckedAndAVersionTheFolderLacksIsDrift(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("2024010100000" + (i + 1) + "_step_" + (i + 1) + ".sql"), STEPS.get(i));
        }
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            StringBuilder setup = new StringBuilder(STEPS.get(0) + STEPS.get(1) + """
                    CREATE TABLE IF NOT EXISTS _sqlx_migrations (
                        version BIGINT PRIMARY KEY,
                        description TEXT NOT NULL,
                        installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                        success BOOLEAN NOT NULL,
                        checksum BYTEA NOT NULL,
                        execution_time BIGINT NOT NULL
                    );
                    """);
            for (int i = 0; i < 2; i++) {
                byte[] sha = java.security.MessageDigest.getInstance("SHA-384").digest(STEPS.get(i).getBytes(StandardCharsets.UTF_8));
                setup.append("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (")
                        .append("2024010100000").append(i + 1).append(", 'step ").append(i + 1).append("', true, '\\x")
                        .append(java.util.HexFormat.of().formatHex(sha)).append("', 1);");
            }
            sql(database, setup.toString());

            CommandRun clean = drift(folder, database, "--format", "json");
            Files.writeString(folder.resolve("20240101000001_step_1.sql"), STEPS.get(0) + "-- edited\n");
            sql(database, "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)"
                    + " VALUES (20231231000000, 'hotfix', true, '\\x00', 1)");
            CommandRun troubled = drift(folder, database, "--format", "json");

            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            assertThat(history(clean).get("at").asText()).isEqualTo("20240101000002");
            assertThat(history(clean).get("pending")).hasSize(1);
            assertThat(troubled.exitCode()).as(troubled.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(history(troubled).get("unknown")).extracting(JsonNode::asText).containsExactly("20231231000000");
            assertThat(history(troubled).get("checksumMismatches")).extracting(m -> m.get("migration").asText())
                    .containsExactly("20240101000001 step_1");
        }
    }

    @Test
    void aGooseVersionRolledBackIsPending(@TempDir Path dir) throws IOException, SQLException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("0000" + (i + 1) + "_step_" + (i + 1) + ".sql"),
                    "-- +goose Up\n" + STEPS.get(i) + "-- +goose Down\nSELECT 1;\n");
        }
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            sql(database, STEPS.get(0) + """
                    CREATE TABLE goose_db_version (
                        id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
                        version_id bigint NOT NULL,
                        is_applied boolean NOT NULL,
                        tstamp timestamp NOT NULL DEFAULT now()
                    );
                    INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (2, false);
                    """);

            CommandRun run = drift(folder, database, "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(history(run).get("at").asText()).isEqualTo("00001");
            assertThat(history(run).get("pending")).extracting(JsonNode::asText).containsExactly("00002 step_2", "00003 step_3");
        }
    }

    @Test
    void theHistoryTableCanBeNamedOrTurnedOffPerEnvironment(@TempDir Path dir) throws IOException, SQLException {
        Path folder = flywayFolder(dir);
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            flywayMigrate(database, folder, "3");
            Path config = Files.writeString(dir.resolve("schemagate.yml"), """
                    environments:
                      pinned:
                        url: %1$s
                        password: ${DB_PASSWORD}
                        history: flyway
                        historyTable: public.flyway_schema_history
                      whole:
                        url: %1$s
                        password: ${DB_PASSWORD}
                        history: none
                      wrong:
                        url: %1$s
                        password: ${DB_PASSWORD}
                        history: goose
                    """.formatted(database.jdbcUrl() + "?user=" + database.username()));
            Map<String, String> variables = Map.of("DB_PASSWORD", database.password());

            CommandRun pinned = CommandRun.withEnvironment(variables, "drift", "--expected", folder.toString(), "--actual", "pinned",
                    "--config", config.toString(), "--db-url", URL);
            CommandRun whole = CommandRun.withEnvironment(variables, "drift", "--expected", folder.toString(), "--actual", "whole",
                    "--config", config.toString(), "--db-url", URL);
            CommandRun wrong = CommandRun.withEnvironment(variables, "drift", "--expected", folder.toString(), "--actual", "wrong",
                    "--config", config.toString(), "--db-url", URL);

            assertThat(pinned.exitCode()).as(pinned.toString()).isZero();
            assertThat(pinned.out()).contains("pinned: at version 3");
            assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(whole.out()).contains("- table public.invoices").doesNotContain("at version");
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(wrong.err()).contains("no goose history table", "environments.wrong.history");
        }
    }
}
