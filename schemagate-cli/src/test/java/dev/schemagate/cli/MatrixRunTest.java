package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One history on three targets (PostgreSQL 13 and 17 on embedded servers of their own, SQLite): a
 * migration written with {@code UNIQUE NULLS NOT DISTINCT}, which PostgreSQL has from 15 on, applies
 * on 17 and fails on 13; the run gives one verdict per target and that difference.
 */
class MatrixRunTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationThatFailsOnAnOlderMajorIsADifferenceAndFailsTheRun() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_people.up.sql"), "CREATE TABLE person (id integer PRIMARY KEY, email text);\n");
        Files.writeString(migrations.resolve("1_people.down.sql"), "DROP TABLE person;\n");
        Files.writeString(migrations.resolve("2_unique_email.postgres.up.sql"),
                "ALTER TABLE person\n  ADD CONSTRAINT person_email UNIQUE NULLS NOT DISTINCT (email);\n");
        Files.writeString(migrations.resolve("2_unique_email.postgres.down.sql"), "ALTER TABLE person DROP CONSTRAINT person_email;\n");
        Files.writeString(migrations.resolve("2_unique_email.sqlite3.up.sql"), "CREATE UNIQUE INDEX person_email ON person (email);\n");
        Files.writeString(migrations.resolve("2_unique_email.sqlite3.down.sql"), "DROP INDEX person_email;\n");
        Path out = dir.resolve("out");

        CommandRun run = CommandRun.of("verify", migrations.toString(), "--dialect", "postgres,sqlite", "--pg-version", "13,17",
                "--jobs", "2", "--checks", "apply,reversibility", "--format", "console,json,junit", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("on 3 targets (postgres 13, postgres 17, sqlite), 2 at a time")
                .contains("── postgres 13 ──").contains("── sqlite ──")
                .containsPattern("2_unique_email\\.postgres\\.up\\.sql:2:\\d+: error: syntax error")
                .contains("2 unique_email: applied on postgres 17, sqlite; failed on postgres 13: ")
                .contains("FAILED 2 of 3 targets passed, 1 difference");
        JsonNode matrix = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
        assertThat(matrix.get("verdict").asText()).isEqualTo("failed");
        assertThat(matrix.get("targets")).extracting(t -> t.get("target").asText() + "=" + t.get("verdict").asText())
                .containsExactly("postgres 13=failed", "postgres 17=passed", "sqlite=passed");
        assertThat(matrix.get("targets").get(2).get("report").get("server").asText()).startsWith("embedded SQLite 3.");
        JsonNode difference = matrix.get("differences").get(0);
        assertThat(difference.get("migration").asText()).isEqualTo("2 unique_email");
        assertThat(difference.get("verdicts").get(0).get("ruleId").asText()).isEqualTo("apply.statement-failed");
        assertThat(difference.get("verdicts").get(0).get("location").asText()).contains("2_unique_email.postgres.up.sql:2:");
        assertThat(matrix.get("differences")).hasSize(1);
        assertThat(out.resolve("postgres-13/junit.xml")).exists();
        assertThat(out.resolve("sqlite/report.json")).exists();
    }

    @Test
    void aVersionNoDialectRunsIsAUsageError() {
        CommandRun run = CommandRun.of("verify", dir.toString(), "--pg-version", "12,17");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("server version '12' is not one postgres runs: choose among 13, 14, 15, 16, 17, 18");
    }
}
