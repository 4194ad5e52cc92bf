package dev.schemagate.cli;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real histories written by other projects apply from start to end. */
class CorpusVerifyTest {

    private static final String URL = Examples.sharedServerUrl();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hydra-migrations/persistence/sql/migrations, 228",
            "authelia-migrations/internal/storage/migrations/postgres, 26",
    })
    void appliesTheWholePostgresHistory(String folder, int migrations) {
        CommandRun run = CommandRun.of("verify", Corpus.folder(folder).toString(), "--db-url", URL, "--checks", "apply");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASSED " + migrations + " of " + migrations + " migrations applied, 0 errors");
    }

    /**
     * Hydra's history as a pull request would meet it: main without the two newest versions, a branch
     * adding them; the gate applies the 226 others as history and checks the two, finding nothing.
     */
    @Test
    void gatesHydrasTwoNewestMigrationsAgainstMain(@TempDir Path root) throws IOException {
        Path folder = folder("hydra-migrations/persistence/sql/migrations");
        GitRepo repo = GitRepo.init(root);
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        List<Path> newest = files.stream().filter(f -> f.getFileName().toString().startsWith("2026042012000000000")).toList();
        assertThat(newest).isNotEmpty();
        for (Path file : files) {
            if (!newest.contains(file)) {
                Files.copy(file, Files.createDirectories(root.resolve("migrations")).resolve(file.getFileName()));
            }
        }
        repo.commit("history").git("checkout", "-q", "-b", "change");
        for (Path file : newest) {
            Files.copy(file, root.resolve("migrations").resolve(file.getFileName()));
        }
        repo.commit("two new");

        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(root.resolve("migrations"))
                .withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL)).withSince("main"));

        assertThat(result.history()).isEqualTo(226);
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.findings()).as(result.findings().toString()).isEmpty();
        assertThat(result.runs()).filteredOn(run -> !run.history()).extracting(run -> run.migration().version().text())
                .containsExactly("20260420120000000000", "20260420120000000001");
        assertThat(result.runs()).filteredOn(run -> !run.history())
                .allMatch(run -> run.reversal() == MigrationRun.Reversal.REVERSED);
    }

    /** Every check on Authelia's history finds the defects judged real in docs/corpus-findings.md. */
    @Test
    void findsAutheliasGenuineRollbackAndSequenceDefects() {
        Path folder = folder("authelia-migrations/internal/storage/migrations/postgres");

        CommandRun run = CommandRun.of("verify", folder.toString(), "--db-url", URL,
                "--checks", "apply,reversibility,data,integrity");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("26 of 26 migrations applied")
                .contains("V0002.WebAuthn.up.sql: error: sequence totp_configurations_id_seq1 is behind the values of "
                        + "public.totp_configurations after 0002 WebAuthn [integrity.sequence-behind]")
                .contains("V0002.WebAuthn.down.sql:").contains("[reversibility.down-failed]")
                .contains("V0007.ConsistencyFixes.down.sql: error: down script does not restore the schema")
                .contains("V0012.WebAuthnMultiCookieDomain.down.sql: error: rolling back 0012 WebAuthnMultiCookieDomain does "
                        + "not restore the values of 20 rows of public.webauthn_devices [data.down-lost-rows]")
                .doesNotContain("V0006.ConsentPreConfiguration.down.sql: error: rolling back");
    }

    /** Every check on Hydra's history: its real rollback defects, and no finding on its placeholder migrations. */
    @Test
    void findsHydrasGenuineRollbackDefectsAndNothingOnPlaceholders() {
        Path folder = folder("hydra-migrations/persistence/sql/migrations");

        CommandRun run = CommandRun.of("verify", folder.toString(), "--db-url", URL,
                "--checks", "apply,reversibility,data,integrity");

        assertThat(run.out()).as(run.toString())
                .contains("228 of 228 migrations applied")
                .contains("20250523000001000000_rm_oauth2_trusted_jwt_bearer_issuer_unefficient_uq_idx.postgres.autocommit.down.sql: error: "
                        + "down script does not restore the schema")
                .doesNotContain("20190300000007000000_consent.postgres.down.sql: error: rolling back")
                .as("a rollback that keeps a backfill of NULLs loses nothing")
                .doesNotContain("20190100000004000000_client.postgres.down.sql: error: rolling back")
                .doesNotContain("20190100000008000000_client.postgres.down.sql: error: rolling back")
                .as("foreign keys added over sample rows: the rows are made consistent first")
                .doesNotContain("20190300000010000000_consent.postgres.up.sql:2:13: warning: up script fails")
                .doesNotContain("20211019000001000002_merge_authentication_request_tables.postgres.up.sql:13:")
                .as("text cast to jsonb holds JSON, and text keys of different tables do not collide, as in production")
                .doesNotContain("[data.up-failed-with-rows]")
                .as("a data-only fix without a down is a warning")
                .contains("20190200000003000000_jwk.up.sql: warning: 20190200000003000000 jwk has no down script, and its up script changes rows");
        assertThat(line(run, "20150101000001000000 networks")).as("a migration with statements and no down")
                .contains("⇄ no down script").startsWith("  ✗");
        assertThat(line(run, "20190100000004000000 client")).startsWith("  ✓");
        assertThat(line(run, "20221109000010000001 fix_foreign_key")).as("a placeholder without a statement")
                .doesNotContain("no down");
        assertThat(run.out()).doesNotContain("20221109000010000001 fix_foreign_key has no down script");
    }

    /**
     * Vaultwarden's PostgreSQL history, run as diesel runs it (folders in text order, each in a
     * transaction): every migration applies, no statement needs to leave diesel's transaction, and
     * the rollback defects judged real in docs/corpus-findings.md are found.
     */
    @Test
    void runsVaultwardensHistoryAsDieselDoesAndFindsItsRollbackDefects() {
        Path folder = folder("vaultwarden-migrations/migrations/postgresql");

        CommandRun run = CommandRun.of("verify", folder.toString(), "--db-url", URL,
                "--checks", "apply,reversibility,data,integrity");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out())
                .contains("(diesel layout, 46 migrations)")
                .contains("46 of 46 migrations applied")
                .doesNotContain("[apply.not-in-transaction]").doesNotContain("[apply.ignored-file]")
                .contains("2022-07-27-110000_add_group_support/down.sql:1:1: error: down script failed: cannot drop table groups"
                        + " because other objects depend on it")
                .contains("2019-09-16-150000_fix_attachments/down.sql: error: down script does not restore the schema")
                .as("char(n) values are compared without their padding")
                .doesNotContain("2019-09-16-150000_fix_attachments/down.sql: error: rolling back")
                .doesNotContain("2019-09-16-150000_fix_attachments/up.sql: warning: up script rewrites");
        assertThat(run.out().lines().filter(l -> l.contains(" create_tables ")).findFirst().orElseThrow()).contains("✓ 20190912100000");
    }

    private static String line(CommandRun run, String migration) {
        return run.out().lines().filter(line -> line.contains("✓ " + migration) || line.contains("✗ " + migration))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + migration + " in\n" + run));
    }

    private static Path folder(String name) {
        return Corpus.folder(name);
    }
}
