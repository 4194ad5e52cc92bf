package dev.schemagate.sqlite;

import dev.schemagate.check.Finding;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.sqlite.lint.RebuildRenamesOldTable;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SQLite histories of the corpus, verified with every check as {@code verify --dialect sqlite}
 * runs them: Hydra's {@code .sqlite.} files, vaultwarden's diesel {@code sqlite/} folder and
 * Authelia's {@code sqlite/} folder. What they find is judged in docs/corpus-findings.md.
 */
class SqliteCorpusTest {

    private Path corpus;

    @BeforeEach
    void findCorpus() {
        String property = System.getProperty("schemagate.corpus");
        corpus = property == null ? null : Path.of(property).toAbsolutePath().normalize();
        assumeTrue(corpus != null && Files.isDirectory(corpus), "corpus not found at " + corpus);
    }

    private VerifyResult verify(String folder) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(corpus.resolve(folder)).withDialect("sqlite"));
    }

    @Test
    void hydraSqliteHistoryAppliesAndCycles() {
        VerifyResult result = verify("hydra-migrations/persistence/sql/migrations");

        assertThat(result.migrations().migrations()).hasSize(227);
        assertThat(result.applied()).isEqualTo(227);
        assertEveryDownCycled(result);
        assertThat(result.runs()).filteredOn(SqliteCorpusTest::rollbackFailed).hasSize(5);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
        assertThat(result.migrations().migrations()).allMatch(m -> !m.up().file().getFileName().toString()
                .matches(".*\\.(postgres|mysql|cockroach)\\..*"));
        assertThat(result.findings()).extracting(Finding::ruleId).noneMatch(id -> id.startsWith("lint."));
    }

    @Test
    void vaultwardenSqliteHistoryAppliesAndCycles() {
        VerifyResult result = verify("vaultwarden-migrations/migrations/sqlite");

        assertThat(result.migrations().migrations()).hasSize(56);
        assertThat(result.applied()).isEqualTo(56);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
        assertEveryDownCycled(result);
        assertThat(result.runs()).filteredOn(SqliteCorpusTest::rollbackFailed).hasSize(2);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().startsWith("lint.")).singleElement()
                .matches(f -> f.ruleId().equals(RebuildRenamesOldTable.RULE.id())
                        && f.location().file().toString().contains("2018-04-27-155151_create_users_ciphers"), "the ciphers rebuild");
    }

    /** A down script ran and did not undo its migration (a missing down is counted apart). */
    private static boolean rollbackFailed(MigrationRun run) {
        return run.reversal() == MigrationRun.Reversal.FAILED || run.reversal() == MigrationRun.Reversal.NOT_RESTORED
                || run.reversal() == MigrationRun.Reversal.LOSES_ROWS;
    }

    /** Every migration whose down script has a statement went up, down and up again. */
    private static void assertEveryDownCycled(VerifyResult result) {
        SqliteSplitter splitter = new SqliteSplitter();
        assertThat(result.runs()).filteredOn(run -> run.migration().down().map(down -> !splitter.split(down).isEmpty()).orElse(false))
                .isNotEmpty()
                .allMatch(run -> run.reversal() != MigrationRun.Reversal.NOT_CHECKED, "cycled");
    }

    /** Authelia's second migration calls BIN2B64(), a function Authelia registers on its own connections. */
    @Test
    void autheliaSqliteHistoryNeedsTheApplicationsOwnFunctions() {
        VerifyResult result = verify("authelia-migrations/internal/storage/migrations/sqlite");

        assertThat(result.migrations().migrations()).hasSize(26);
        assertThat(result.applied()).isEqualTo(1);
        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .findFirst().orElseThrow();
        assertThat(failed.location().file().getFileName().toString()).isEqualTo("V0002.WebAuthn.up.sql");
        assertThat(failed.location().line()).isEqualTo(44);
        assertThat(failed.message()).contains("no such function: BIN2B64");
        assertThat(failed.hint()).startsWith("SQLite has no function BIN2B64 of its own. If the application registers it")
                .contains("functions: BIN2B64:");
    }

    /**
     * With the two functions Authelia registers declared as what they do (base64 of the key handle and
     * back), every migration applies, and each cycles with its rows.
     */
    @Test
    void autheliaSqliteHistoryRunsWithTheApplicationsFunctionsDeclared(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("schemagate.yml"), """
                functions:
                  BIN2B64: base64
                  B642BIN: unbase64
                """);

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(
                corpus.resolve("authelia-migrations/internal/storage/migrations/sqlite")).withDialect("sqlite").withConfig(config));

        assertThat(result.applied()).isEqualTo(26);
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals(StatementFailures.FAILED));
        assertEveryDownCycled(result);
    }
}
