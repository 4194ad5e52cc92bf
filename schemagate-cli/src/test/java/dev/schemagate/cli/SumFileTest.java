package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.history.HistoryFindings;
import dev.schemagate.history.HistoryGuard;
import dev.schemagate.history.SumFile;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code schemagate hash} and the sum file it writes: the history guarded without git. */
class SumFileTest {

    @TempDir
    Path dir;

    private void history() {
        GitRepo.writeFile(dir.resolve("10_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        GitRepo.writeFile(dir.resolve("20_orders.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        GitRepo.writeFile(dir.resolve("30_items.up.sql"), "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        GitRepo.writeFile(dir.resolve("40_tags.up.sql"), "CREATE TABLE tags (id bigint PRIMARY KEY);\n");
    }

    @Test
    void hashWritesOneLinePerMigrationFileAndAnUntouchedFolderPasses() throws IOException {
        history();

        CommandRun run = CommandRun.of("hash", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(SumFile.path(dir));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("h1:[A-Za-z0-9+/]{43}=");
        assertThat(lines.get(1)).startsWith("10_users.up.sql h1:");
        assertThat(HistoryGuard.against(set(), SumFile.read(dir).orElseThrow())).isEmpty();
    }

    @Test
    void editedDeletedRenamedAndMisplacedFilesAreCaught() throws IOException {
        history();
        CommandRun.of("hash", dir.toString());
        Files.writeString(dir.resolve("20_orders.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n");
        Files.delete(dir.resolve("30_items.up.sql"));
        Files.move(dir.resolve("40_tags.up.sql"), dir.resolve("45_tags.up.sql"));
        GitRepo.writeFile(dir.resolve("15_late.up.sql"), "CREATE TABLE late (id bigint PRIMARY KEY);\n");
        GitRepo.writeFile(dir.resolve("50_new.up.sql"), "CREATE TABLE fresh (id bigint PRIMARY KEY);\n");

        List<Finding> findings = HistoryGuard.against(set(), SumFile.read(dir).orElseThrow());

        assertThat(findings).extracting(Finding::ruleId, f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder(tuple(HistoryFindings.EDITED, "20_orders.up.sql"),
                        tuple(HistoryFindings.DELETED, "30_items.up.sql"),
                        tuple(HistoryFindings.RENAMED, "45_tags.up.sql"),
                        tuple(HistoryFindings.OUT_OF_ORDER, "15_late.up.sql"));
    }

    @Test
    void aDialectsOwnUpScriptAddedToAVersionOfTheHistoryIsAnEditNotANewMigration() throws IOException {
        history();
        CommandRun.of("hash", dir.toString());
        GitRepo.writeFile(dir.resolve("20_orders.postgres.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, x int);\n");

        List<Finding> findings = HistoryGuard.against(set(), SumFile.read(dir).orElseThrow());

        assertThat(findings).extracting(Finding::ruleId, f -> f.location().file().getFileName().toString())
                .containsExactly(tuple(HistoryFindings.EDITED, "20_orders.postgres.up.sql"));
    }

    @Test
    void aSumFileEditedByHandIsAnInputError() throws IOException {
        history();
        CommandRun.of("hash", dir.toString());
        Files.writeString(SumFile.path(dir), Files.readString(SumFile.path(dir)) + "99_x.up.sql h1:AAAA\n");

        CommandRun run = CommandRun.of("verify", dir.toString(), "--checks", "apply");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("schemagate.sum: its first line does not match the hashes below it")
                .contains("schemagate hash");
    }

    private MigrationSet set() {
        return MigrationDiscovery.discover(dir, Layout.AUTO, DialectNames.of(List.of("postgres")));
    }
}
