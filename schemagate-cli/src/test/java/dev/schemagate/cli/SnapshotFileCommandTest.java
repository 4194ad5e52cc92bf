package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshot files checked in by users: the previous layout is still read, a later or broken one is named. */
class SnapshotFileCommandTest {

    /** A SQLite table as the first layout wrote it: no format, PostgreSQL's defaults beside the table's fields. */
    private static final String FORMAT_1 = """
            { "schemas" : [ { "name" : "main" } ],
              "tables" : [ { "schema" : "main", "name" : "t", "unlogged" : false, "replicaIdentity" : "DEFAULT",
                             "rowSecurity" : false, "forceRowSecurity" : false,
                             "columns" : [ { "name" : "id", "type" : "INTEGER", "notNull" : false } ],
                             "sqlite" : { "withoutRowid" : false, "strict" : true, "autoincrement" : false } } ] }
            """;

    @Test
    void aFileOfThePreviousLayoutComparesEqualToOneWrittenNow(@TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER) STRICT;");
        Path now = dir.resolve("now.json");
        CommandRun written = CommandRun.of("snapshot", sql.toString(), "-o", now.toString(), "--dialect", "sqlite");
        Path before = Files.writeString(dir.resolve("before.json"), FORMAT_1);

        CommandRun run = CommandRun.of("diff", before.toString(), now.toString(), "--dialect", "sqlite");

        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(Files.readString(now)).startsWith("{\n  \"format\" : 3,").doesNotContain("replicaIdentity");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("No differences");
    }

    @Test
    void aFileOfALaterFormatIsRefusedWithItsNameAndWhatToDo(@TempDir Path dir) throws IOException {
        Path later = Files.writeString(dir.resolve("later.json"), "{ \"format\" : 4, \"tables\" : [ ] }");

        CommandRun run = CommandRun.of("diff", later.toString(), later.toString(), "--dialect", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(later + ": snapshot format 4 is not one this release reads (1 to 3)",
                "snapshot SOURCE -o FILE.json").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aFieldNoLayoutHasIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.json"), "{ \"format\" : 3,\n  \"colour\" : \"blue\" }");

        CommandRun run = CommandRun.of("diff", odd.toString(), odd.toString(), "--dialect", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(odd + ": line 2: ", "colour").doesNotContain("\tat ");
    }
}
