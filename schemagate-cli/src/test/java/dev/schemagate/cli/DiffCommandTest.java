package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
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
    void theReviewSaysWhichServerBothSchemasWereReadOn(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id bigint);");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.err()).containsPattern("Both read on embedded PostgreSQL \\d+");
        assertThat(run.out()).doesNotContain("Both read on");
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

    /** SQLite has no observer: its plan's header says the hazards are the planner's, and what the copy did check. */
    @Test
    void aSqlitePlanSaysItsHazardsAreThePlannersNotSeen(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n TEXT COLLATE NOCASE);");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--format", "sql", "--dialect", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("-- leaves exactly TARGET. Hazards are the planner's: on sqlite the copy shows",
                "-- result and every table's row count, but no lock or rewrite is watched.",
                "PRIMARY KEY (id AUTOINCREMENT)", "\"n\" TEXT COLLATE NOCASE").doesNotContain("those seen there");
    }

    @Test
    void jsonListsObjectsWithFieldLevelChangesAndThePlan(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int, n int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int, n bigint NOT NULL);");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--format", "json", "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
        JsonNode table = root.path("differences").get(0);
        assertThat(table.path("object").asText()).isEqualTo("table public.t");
        assertThat(table.path("kind").asText()).isEqualTo("changed");
        assertThat(table.path("changes")).extracting(c -> c.path("field").asText()).contains("type", "notNull");
        JsonNode notNull = table.path("changes").findParents("field").stream()
                .filter(c -> c.path("field").asText().equals("notNull")).findFirst().orElseThrow();
        assertThat(notNull.path("source").isBoolean()).isTrue();
        assertThat(notNull.path("target").asBoolean()).isTrue();
        JsonNode retype = root.path("statements").findParents("sql").stream()
                .filter(s -> s.path("sql").asText().contains("ALTER COLUMN n TYPE bigint")).findFirst().orElseThrow();
        assertThat(retype.path("change").asText()).isEqualTo("table public.t");
        assertThat(retype.path("hazards")).extracting(JsonNode::asText).contains("rewrites_table");
        assertThat(root.path("validation").path("proven").asBoolean()).isTrue();
        assertThat(root.path("server").asText()).as("where it was read and proven").contains("PostgreSQL");
    }

    @Test
    void jsonIsValidAgainstItsDocumentedSchema() throws IOException {
        String shop = Examples.example("shop");
        CommandRun run = CommandRun.of("diff", shop, shop + "@0006", "--format", "json", "--db-url", URL);
        JsonNode diff = new ObjectMapper().readTree(run.out());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Examples.root().resolveSibling("docs/diff-json.schema.json")));

        assertThat(schema.validate(diff)).isEmpty();
        assertThat(diff.path("statements")).anyMatch(s -> s.path("heldBack").asBoolean());
        ((ObjectNode) diff.path("statements").get(0)).put("hazards", "none");
        assertThat(schema.validate(diff)).isNotEmpty();
    }

    @Test
    void jsonKeepsListsAsArraysAndNamesTheSidesSourceAndTarget(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TYPE mood AS ENUM ('happy', 'sad');");
        Path b = write(dir, "b.sql", "CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--format", "json", "--db-url", URL);

        JsonNode labels = new ObjectMapper().readTree(run.out()).path("differences").get(0).path("changes").get(0);
        assertThat(labels.path("field").asText()).isEqualTo("labels");
        assertThat(labels.path("source").isArray()).isTrue();
        assertThat(labels.path("target")).extracting(JsonNode::asText).containsExactly("happy", "ok", "sad");
        assertThat(run.out()).doesNotContain("expected", "actual");
    }

    @Test
    void ownersAndGrantsAreComparedOnlyWhenAskedAndShownWithoutJavaSyntax(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int); GRANT SELECT ON t TO PUBLIC;");

        CommandRun plain = CommandRun.of("diff", a.toString(), b.toString(), "--db-url", URL);
        CommandRun withGrants = CommandRun.of("diff", a.toString(), b.toString(), "--privileges", "--db-url", URL);

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(withGrants.exitCode()).as(withGrants.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(withGrants.out()).contains("~ table public.t", "SELECT to PUBLIC").doesNotContain("Grant[", "Privileges[");
    }

    @Test
    void anEnumLosingALabelIsConvertedInPlaceNotRebuilt(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad'); CREATE TABLE t (m mood);");
        Path b = write(dir, "b.sql", "CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE TABLE t (m mood);");

        CommandRun run = CommandRun.of("diff", a.toString(), b.toString(), "--format", "sql", "--db-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;")
                .doesNotContain("DROP TABLE", "HELD BACK");
    }

    @Test
    void plansBetweenTwoVersionsOfTheShopAreProvenBothWays() {
        String shop = Examples.example("shop");

        CommandRun back = CommandRun.of("diff", shop, shop + "@0006", "--format", "sql", "--db-url", URL);
        CommandRun forward = CommandRun.of("diff", shop + "@0006", shop, "--format", "sql", "--db-url", URL);

        assertThat(back.exitCode()).as(back.toString()).isEqualTo(ExitCode.HELD_BACK);
        assertThat(back.err()).doesNotContain("did not pass");
        assertThat(back.out()).doesNotContain("DROP TABLE public.orders;", "CREATE TABLE public.orders");
        assertThat(forward.exitCode()).as(forward.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(forward.out()).contains("proven on a scratch copy of SOURCE").doesNotContain("HELD BACK");
        assertThat(forward.out().lines().findFirst().orElseThrow()).as("the header names the server the plan was proven on")
                .containsPattern("rows a table\\) on .*PostgreSQL \\d+");
    }

    @Test
    void destructiveStatementsAreHeldBackWithExitThreeUnlessUnsafe(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.sql", "CREATE TABLE t (id int, old text); CREATE TABLE gone (x int);");
        Path b = write(dir, "b.sql", "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);");

        CommandRun safe = CommandRun.of("diff", a.toString(), b.toString(), "--format", "sql", "--db-url", URL);

        assertThat(safe.exitCode()).as(safe.toString()).isEqualTo(ExitCode.HELD_BACK);
        assertThat(safe.out()).contains("-- HELD BACK (takes ACCESS EXCLUSIVE, deletes data; run with --unsafe",
                "-- DROP TABLE public.gone", "-- ALTER TABLE public.t DROP COLUMN old",
                "CREATE INDEX t_id ON public.t USING btree (id);");
        assertThat(safe.err()).contains("2 statement(s) were held back", "DROP TABLE public.gone   (table public.gone)",
                "Without them, the plan (also run on the copy) leaves these differences:", "- table public.gone");

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
