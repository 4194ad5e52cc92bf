package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.dialect.ScratchDatabase;
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

/** {@code schemagate diff}: the review, JSON and SQL forms, the exit codes, and held-back statements. */
class DiffCommandTest {

    private static final String URL = Examples.sharedServerUrl();

    private static Path write(Path dir, String name, String sql) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, sql);
        return file;
    }

    @Test
    void identicalSchemasHaveNoDifferenceAndExitZero(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int PRIMARY KEY);");

        CommandRun run = CommandRun.of("diff", a.toString(), a.toString(), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("No differences");
    }

    @Test
    void theReviewGroupsFieldChangesUnderTheirObject(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int PRIMARY KEY, note varchar(10)); CREATE TABLE gone (x int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'n'); CREATE VIEW v AS SELECT id FROM t;");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("- table public.gone", "+ view public.v", "~ table public.t",
                "    ~ column note › type: 'character varying(10)' → 'text'",
                "    ~ column note › defaultExpression: (none) → ''n'::text'");
    }

    @Test
    void jsonListsObjectsWithFieldLevelChangesAndThePlan(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int, n int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int, n bigint NOT NULL);");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--format", "json", "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode table = root.path("differences").get(0);
        assertThat(table.path("object").asText()).isEqualTo("table public.t");
        assertThat(table.path("kind").asText()).isEqualTo("changed");
        assertThat(table.path("changes")).extracting(c -> c.path("field").asText()).contains("type", "notNull");
        assertThat(root.path("statements")).extracting(s -> s.path("sql").asText())
                .anyMatch(sql -> sql.contains("ALTER COLUMN n TYPE bigint"));
    }

    @Test
    void destructiveStatementsAreHeldBackWithExitThreeUnlessUnsafe(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int, old text); CREATE TABLE gone (x int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);");

        CommandRun safe = CommandRun.of("diff", a.toString(), b.toString(), "--format", "sql", "--db-url", URL);

        assertThat(safe.exitCode()).as(safe.toString()).isEqualTo(ExitCode.HELD_BACK);
        assertThat(safe.out()).contains("-- HELD BACK (takes ACCESS EXCLUSIVE, deletes data; run with --unsafe",
                "-- DROP TABLE public.gone", "-- ALTER TABLE public.t DROP COLUMN old",
                "-- hazards: builds an index\nCREATE INDEX t_id ON public.t USING btree (id);");
        assertThat(safe.err()).contains("2 statement(s) that can lose data were held back", "DROP TABLE public.gone");

        CommandRun unsafe = CommandRun.of("diff", a.toString(), b.toString(), "--format", "sql", "--unsafe", "--db-url", URL);

        assertThat(unsafe.exitCode()).as(unsafe.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(unsafe.out()).contains("-- hazards: takes ACCESS EXCLUSIVE, deletes data\nDROP TABLE public.gone;")
                .doesNotContain("HELD BACK");
    }

    @Test
    void twoLiveDatabasesAreComparedWithoutPrintingPasswords() throws SQLException {
        try (ScratchDatabase first = TestServer.shared().createDatabase(); ScratchDatabase second = TestServer.shared().createDatabase();
             Connection a = first.connect(); Connection b = second.connect();
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
            sb.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");

            CommandRun run = CommandRun.of("diff", first.jdbcUrl() + "?user=" + first.username() + "&password=" + first.password(),
                    second.jdbcUrl() + "?user=" + second.username() + "&password=" + second.password(), "--format", "sql");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
            assertThat(run.out()).contains("ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';");
            assertThat(run.out() + run.err()).doesNotContain(first.password());
        }
    }
}
