package dev.schemagate.mysql;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.check.Finding;
import dev.schemagate.check.StatementFailures;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL histories of the corpus, applied as {@code verify --dialect mysql --checks apply} runs
 * them on the embedded MariaDB (the full checks take minutes: see docs/corpus-findings.md for their
 * findings, judged). Hydra's {@code .mysql.} files, Authelia's {@code mysql/} folder and
 * vaultwarden's diesel {@code mysql/} folder.
 */
class MysqlCorpusTest {

    private static final String VAULTWARDEN = "vaultwarden-migrations/migrations/mysql";

    private static Path corpus;
    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @BeforeAll
    static void start() {
        corpus = Corpus.root();
    }

    private static VerifyResult apply(String folder) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(corpus.resolve(folder)).withDialect("mysql")
                .withServer(MysqlVerifyTest.serverOptions(server)).withChecks(Set.of(CheckName.APPLY)));
    }

    /** Authelia sends each file whole: its stored procedures have no DELIMITER, and every one applies. */
    @Test
    void autheliaMysqlHistoryApplies() {
        VerifyResult result = apply("authelia-migrations/internal/storage/migrations/mysql");

        assertThat(result.migrations().migrations()).hasSize(26);
        assertThat(result.applied()).isEqualTo(26);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
    }

    /**
     * Hydra's MySQL files are for MySQL 8: 183 apply on MariaDB, then {@code CAST(… AS JSON)}, which
     * MariaDB does not have, stops the run (judged in docs/corpus-findings.md).
     */
    @Test
    void hydraMysqlHistoryAppliesUpToMySqlOnlySyntax() {
        VerifyResult result = apply("hydra-migrations/persistence/sql/migrations");

        assertThat(result.applied()).isEqualTo(183);
        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .findFirst().orElseThrow();
        assertThat(failed.location().file().getFileName().toString()).isEqualTo("20220513000001000001_string_slice_json.mysql.up.sql");
        assertThat(failed.location().line()).isEqualTo(4);
        assertThat(failed.message()).contains("near 'json)")
                .contains("CAST(… AS JSON) (or CONVERT(…, JSON)) is MySQL 8 syntax that MariaDB does not have");
        assertThat(failed.hint()).contains("check these migrations on MySQL 8 with --db-url jdbc:mysql://");
    }

    /**
     * vaultwarden's first migration references a table it creates later: vaultwarden runs its MySQL
     * migrations on a connection where it has set {@code FOREIGN_KEY_CHECKS = 0} (src/db/mod.rs),
     * and with that setting in the config file every one of the 55 applies. Without it MariaDB
     * refuses the key at the first file.
     */
    @Test
    void vaultwardenMysqlHistoryAppliesWithItsRunnersSessionSetting(@TempDir Path config) throws IOException {
        Path file = Files.writeString(config.resolve("schemagate.yml"), "session:\n  foreign_key_checks: 0\n");
        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(corpus.resolve(VAULTWARDEN))
                .withDialect("mysql").withConfig(file).withServer(MysqlVerifyTest.serverOptions(server))
                .withChecks(Set.of(CheckName.APPLY)));

        assertThat(result.migrations().migrations()).hasSize(55);
        assertThat(result.applied()).isEqualTo(55);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(StatementFailures.FAILED);
    }

    @Test
    void vaultwardenMysqlHistoryStopsAtAForwardReferenceWithForeignKeyChecksOn() {
        VerifyResult result = apply(VAULTWARDEN);

        assertThat(result.applied()).isZero();
        Finding failed = result.findings().stream().filter(f -> f.ruleId().equals(StatementFailures.FAILED))
                .findFirst().orElseThrow();
        assertThat(failed.location().line()).isEqualTo(32);
        assertThat(failed.message()).contains("errno: 150").contains("`ciphers`").doesNotContain("schemagate_").contains("2 of the script's 5 statements");
    }
}
