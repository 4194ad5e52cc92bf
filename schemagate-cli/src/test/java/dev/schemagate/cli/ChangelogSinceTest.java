package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.history.HistoryFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --since} on a Liquibase changelog in git: changeset files are the history, the master's new include is not an edit. */
class ChangelogSinceTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final String DIR = "src/main/resources/db/changelog/";

    @Test
    void aNewChangesetFileAndItsIncludeAreTheChangeAndAnEditedChangesetFileIsAnEditOfTheHistory(@TempDir Path root) {
        GitRepo repo = GitRepo.init(root)
                .write(DIR + "db.changelog-master.yaml", "databaseChangeLog:\n  - include:\n      file: db/changelog/changes/001.yaml\n")
                .write(DIR + "changes/001.yaml", changeset("create-tags", "createTable:\n            tableName: tags\n"
                        + "            columns:\n              - column:\n                  name: id\n                  type: bigint\n"))
                .commit("history")
                .git("checkout", "-q", "-b", "labels")
                .write(DIR + "db.changelog-master.yaml", "databaseChangeLog:\n  - include:\n      file: db/changelog/changes/001.yaml\n"
                        + "  - include:\n      file: db/changelog/changes/002.yaml\n")
                .write(DIR + "changes/002.yaml", changeset("tag-label", "addColumn:\n            tableName: tags\n"
                        + "            columns:\n              - column:\n                  name: label\n                  type: text\n"))
                .commit("labels");

        VerifyResult gated = verify(repo.path(DIR));

        assertThat(gated.findings()).extracting(Finding::ruleId).doesNotContain(HistoryFindings.EDITED);
        assertThat(gated.runs()).extracting(MigrationRun::history).containsExactly(true, false);
        assertThat(gated.passed()).as(gated.findings().toString()).isTrue();

        repo.write(DIR + "changes/001.yaml", changeset("create-tags", "createTable:\n            tableName: tags\n"
                + "            columns:\n              - column:\n                  name: id\n                  type: integer\n"));
        assertThat(verify(repo.path(DIR)).findings()).extracting(Finding::ruleId).contains(HistoryFindings.EDITED);
    }

    private static String changeset(String id, String change) {
        return "databaseChangeLog:\n  - changeSet:\n      id: " + id + "\n      author: team\n      changes:\n        - " + change;
    }

    private static VerifyResult verify(Path dir) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withSince("main")
                .withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL)).withRows(5, 1));
    }
}
