package dev.schemagate.cli;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schemagate snapshot}: every kind of source, both output forms, and nothing written to a live database. */
class SnapshotCommandTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void aFolderUpToAVersionGivesOnlyThoseMigrations(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("shop.json");

        CommandRun run = CommandRun.of("snapshot", Examples.example("shop") + "@0004", "-o", json.toString(), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Snapshot snapshot = SnapshotJson.fromJson(Files.readString(json));
        assertThat(snapshot.tables()).extracting(t -> t.name())
                .containsExactlyInAnyOrder("customers", "products", "orders", "order_lines");
        assertThat(run.err()).contains("4 tables");
    }

    @Test
    void theSchemaFileRebuildsTheSameSnapshot(@TempDir Path dir) throws IOException {
        Path sql = dir.resolve("schema.sql");
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(CommandRun.of("snapshot", Examples.example("shop"), "-o", sql.toString(), "--db-url", URL).exitCode()).isZero();
        assertThat(CommandRun.of("snapshot", Examples.example("shop"), "-o", first.toString(), "--db-url", URL).exitCode()).isZero();
        CommandRun rebuilt = CommandRun.of("snapshot", sql.toString(), "-o", second.toString(), "--db-url", URL);

        assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isZero();
        assertThat(SnapshotJson.fromJson(Files.readString(second))).isEqualTo(SnapshotJson.fromJson(Files.readString(first)));
    }

    @Test
    void aLiveDatabaseIsReadWithoutWritingAndItsPasswordIsNotPrinted() throws SQLException {
        try (ScratchDatabase live = TestServer.shared().createDatabase(); Connection c = live.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL)");
            String url = live.jdbcUrl() + "?user=" + live.username() + "&password=" + live.password();

            CommandRun run = CommandRun.of("snapshot", url);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("CREATE TABLE public.accounts");
            assertThat(run.out() + run.err()).doesNotContain(live.password());
        }
    }

    @Test
    void theSchemaFilePinsExtensionVersionsOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path schema = dir.resolve("ext.sql");
        Files.writeString(schema, "CREATE EXTENSION citext; CREATE TABLE t (name citext);");

        CommandRun plain = CommandRun.of("snapshot", schema.toString(), "--db-url", URL);
        CommandRun pinned = CommandRun.of("snapshot", schema.toString(), "--extension-versions", "--db-url", URL);

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).contains("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;")
                .doesNotContain(" VERSION ");
        assertThat(pinned.out()).containsPattern("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '[0-9.]+';");
    }

    @Test
    void anUnknownSourceIsAnInputError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("snapshot", dir.resolve("nothing-here").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("nothing-here").contains("no such file or folder");
    }
}
