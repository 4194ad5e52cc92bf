package dev.schemagate.mysql;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.LintResult;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL lint on the corpus's MySQL histories, observed on one embedded MariaDB with sample rows,
 * as {@code schemagate lint --dialect mysql} runs it: the findings judged in docs/corpus-findings.md
 * ("MySQL lint") stay as judged, each copy with the server's evidence, and the false positives fixed
 * there do not come back.
 */
class MysqlLintCorpusTest {

    /** Few rows: how an ALTER runs does not depend on how many; the copies show them. */
    private static final int ROWS = 5;
    private static Path corpus;
    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @BeforeAll
    static void start() {
        corpus = Corpus.root();
    }

    private static List<Finding> lint(String folder) {
        MigrationSet set = MigrationDiscovery.discover(corpus.resolve(folder), Layout.AUTO,
                Dialects.names(Dialects.byId("mysql")));
        try (ScratchDatabase scratch = server.createDatabase()) {
            LintResult result = new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lintObserved(set, scratch, ROWS);
            return result.findings();
        }
    }

    private static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void autheliaIsObservedToTheEndAndEachCopyCarriesTheServersEvidence() {
        List<Finding> findings = lint("authelia-migrations/internal/storage/migrations/mysql");

        assertThat(of(findings, Rules.OBSERVATION_STOPPED.id())).isEmpty();
        Finding blob = of(findings, "lint.mysql-change-column-type").stream().filter(f -> f.message().contains("cached_data.value"))
                .findFirst().orElseThrow();
        assertThat(blob.location().file().getFileName().toString()).isEqualTo("V0021.MySQLCachedValueType.up.sql");
        assertThat(blob.evidence()).anyMatch(line -> line.startsWith("observed: ran ALGORITHM=COPY") && line.contains("table id"))
                .anyMatch(line -> line.equals("observed: the server refused ALGORITHM=INPLACE: Cannot change column type"));
        // the old table moved aside and created again under its name is a rebuild, not a rename code notices; named as written
        assertThat(of(findings, "lint.mysql-rename-table")).extracting(Finding::message)
                .containsExactly("renames table u2f_devices to _bkp_UP_V0002_u2f_devices");
        assertThat(of(findings, "lint.mysql-add-index-not-online")).isEmpty();
        assertThat(of(findings, "lint.mysql-alter-copies-table")).hasSize(8)
                .allSatisfy(f -> assertThat(f.evidence()).anyMatch(line -> line.startsWith("observed: ran ALGORITHM=COPY")));
    }

    @Test
    void hydraIsObservedUpToMySqlOnlySyntaxAndForeignKeysShowTheIndexTheServerAdded() {
        List<Finding> findings = lint("hydra-migrations/persistence/sql/migrations");

        assertThat(of(findings, Rules.OBSERVATION_STOPPED.id())).singleElement()
                .satisfies(f -> assertThat(f.location().file().getFileName().toString())
                        .isEqualTo("20220513000001000001_string_slice_json.mysql.up.sql"));
        assertThat(of(findings, "lint.mysql-foreign-key-without-index")).hasSize(30)
                .allSatisfy(f -> assertThat(f.evidence()).anyMatch(line -> line.startsWith("observed: built index ")));
        assertThat(of(findings, "lint.mysql-change-column-type")).extracting(Finding::message)
                .noneMatch(message -> message.matches(".* from (\\S+) to \\1$"))
                .noneMatch(message -> message.contains("from boolean to tinyint(1)"));
        assertThat(of(findings, "lint.mysql-add-index-not-online")).isEmpty();
    }

    @Test
    void vaultwardenKnowsItsColumnsNamedLikeKeywords() {
        List<Finding> findings = lint("vaultwarden-migrations/migrations/mysql");

        assertThat(of(findings, "lint.mysql-change-column-type")).extracting(Finding::message)
                .containsExactlyInAnyOrder("changes the type of attachments.file_size from integer to bigint",
                        "changes the type of twofactor.last_used from integer to bigint");
        assertThat(of(findings, "lint.mysql-rename-column")).hasSize(7);
    }
}
