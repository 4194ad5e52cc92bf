package dev.schemagate.migration;

import dev.schemagate.corpus.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery against migrations other projects wrote: Atlas's samples of each layout, ory/hydra's
 * history and authelia's. The corpus is found through the {@code schemagate.corpus} system
 * property; without it these tests are skipped.
 */
class CorpusDiscoveryTest {

    private Path corpus;

    @BeforeEach
    void findCorpus() {
        corpus = Corpus.root();
    }

    private MigrationSet discover(String folder) {
        return Folders.discover(corpus.resolve(folder), Layout.AUTO);
    }

    private static final String ATLAS = "atlas-testdata/sql/sqltool/testdata/";

    @Test
    void atlasFlywaySampleReadsSubfoldersUndoAndRepeatableAndSkipsTheCoveredBaseline() {
        MigrationSet set = discover(ATLAS + "flyway");

        assertThat(set.layout()).isEqualTo(Layout.FLYWAY);
        // B2__baseline.sql is ignored: V1 and V2 reach its version. V3_1 lives in the v3 subfolder.
        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("1 initial", "2 second_migration", "3 third_migration", "3_1 fourth_migration", "R views");
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("DROP TABLE tbl;");
        assertThat(set.migrations().get(3).up().file()).endsWith(Path.of("v3", "V3_1__fourth_migration.sql"));
        // V2's text holds a dbmate marker; in a Flyway folder it is only a comment.
        assertThat(set.migrations().get(1).up().text()).contains("-- migrate:up");
    }

    @Test
    void atlasGolangMigrateSample() {
        MigrationSet set = discover(ATLAS + "golang-migrate");

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("1 initial", "2 second_migration");
        assertThat(set.migrations()).allSatisfy(m -> assertThat(m.down()).isPresent());
    }

    @Test
    void atlasGooseSampleKeepsTheFunctionWholeAndItsLines() {
        MigrationSet set = discover(ATLAS + "goose");

        assertThat(set.layout()).isEqualTo(Layout.GOOSE);
        assertThat(set.migrations().get(0).down()).get().extracting(Script::text).isEqualTo("DROP TABLE post;");
        Migration second = set.migrations().get(1);
        assertThat(second.down()).isEmpty();
        assertThat(second.up().parts()).extracting(ScriptPart::line).containsExactly(5, 10);
        ScriptPart function = second.up().parts().get(1);
        assertThat(function.keptWhole()).isTrue();
        assertThat(function.sql()).startsWith("-- Comment for the function declaration.\nCREATE\n")
                .endsWith("language plpgsql;\n").doesNotContain("+goose");
    }

    @Test
    void atlasDbmateSampleSectionsStartWhereTheirTextDoes() {
        MigrationSet set = discover(ATLAS + "dbmate");

        assertThat(set.layout()).isEqualTo(Layout.DBMATE);
        Migration first = set.migrations().get(0);
        assertThat(first.up().parts()).extracting(ScriptPart::line).containsExactly(2);
        assertThat(first.down()).get().extracting(Script::parts)
                .isEqualTo(List.of(new ScriptPart("\n\nDROP TABLE post;", 22, 1, ";")));
        assertThat(set.migrations().get(1).down()).isEmpty();
        assertThat(set.migrations().get(1).up().text()).contains("CREATE TABLE tbl_2 (col INT);");
    }

    @Test
    void atlasLiquibaseSampleHasAChangesetAMigration() {
        MigrationSet set = discover(ATLAS + "liquibase");

        assertThat(set.layout()).isEqualTo(Layout.LIQUIBASE);
        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("1.1 atlas:1-1", "1.2 atlas:1-2", "1.3 atlas:1-3", "2.1 atlas:2-1");
        // Atlas writes "--rollback: <sql>"; read as a rollback, starting after "--rollback: ".
        assertThat(set.migrations().get(0).down()).get().extracting(Script::parts)
                .isEqualTo(List.of(new ScriptPart("DROP TABLE post;", 11, 13, ";")));
        assertThat(set.migrations().get(2).down()).isEmpty();
        assertThat(set.migrations().get(3).down().get().parts().get(0).line()).isEqualTo(5);
        assertThat(set.migrations().get(0).up().parts().get(0).line()).isEqualTo(4);
    }

    @Test
    void hydraHistoryForPostgres() {
        MigrationSet set = discover("hydra-migrations/persistence/sql/migrations");

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        // The folder holds 230 distinct versions; two of them (20211004110004000000 and
        // 20211011000004000000, primary key changes) have only cockroach files, so PostgreSQL gets 228.
        assertThat(set.migrations()).hasSize(228);
        assertThat(set.migrations()).allSatisfy(m -> assertThat(m.down()).isPresent());
        assertThat(set.migrations().get(0).displayName()).isEqualTo("20150101000001000000 networks");
        assertThat(set.migrations().get(0).up().file().getFileName()).hasToString("20150101000001000000_networks.postgres.up.sql");
        assertThat(set.migrations().get(0).down().get().file().getFileName()).hasToString("20150101000001000000_networks.down.sql");
        // Seven versions take an .autocommit. up script for PostgreSQL (common or postgres-specific);
        // six of them also an .autocommit. down (20240612222110000001's down is the common, transactional one).
        List<String> autocommitUps = set.migrations().stream().filter(m -> !m.up().transactional())
                .map(m -> m.version().text()).toList();
        assertThat(autocommitUps).containsExactly("20240612222110000001", "20241609000001000001", "20250520000001000000",
                "20250523000001000000", "20260325111700000000", "20260420120000000000", "20260420120000000001");
        assertThat(set.migrations()).filteredOn(m -> !m.down().get().transactional()).hasSize(6);
        // 20241609000001000000 has a common .autocommit. up, but PostgreSQL's own up replaces it.
        Migration deviceFlow = set.migrations().stream()
                .filter(m -> m.version().text().equals("20241609000001000000")).findFirst().orElseThrow();
        assertThat(deviceFlow.up().file().getFileName()).hasToString("20241609000001000000_device_flow.postgres.up.sql");
        assertThat(deviceFlow.up().transactional()).isTrue();
    }

    @Test
    void autheliaPostgresHistoryHasADownForEachVersionSomeEmptyOnPurpose() {
        MigrationSet set = discover("authelia-migrations/internal/storage/migrations/postgres");

        assertThat(set.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(set.migrations()).hasSize(26);
        assertThat(set.migrations().get(0).displayName()).isEqualTo("0001 Initial_Schema");
        assertThat(set.migrations()).allSatisfy(m -> assertThat(m.down()).isPresent());
        assertThat(set.migrations()).filteredOn(m -> m.down().get().isBlank()).extracting(m -> m.version().text())
                .containsExactly("0009", "0011", "0021", "0025", "0026");
    }

    /** Vaultwarden's three diesel histories, as diesel reads them: folders, versions as text, one transaction each. */
    @Test
    void vaultwardenHistoriesAreDieselsInEveryDialect() {
        for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
            MigrationSet set = discover("vaultwarden-migrations/migrations/" + dialect);
            int folders = corpus.resolve("vaultwarden-migrations/migrations/" + dialect).toFile().list().length;

            assertThat(set.layout()).as(dialect).isEqualTo(Layout.DIESEL);
            assertThat(set.migrations()).as(dialect).hasSize(folders);
            assertThat(set.ignored()).as(dialect).isEmpty();
            List<String> versions = set.migrations().stream().map(m -> m.version().text()).toList();
            assertThat(versions).as(dialect).isSorted();
            assertThat(set.migrations()).as(dialect).allMatch(m -> m.up().transaction().mode() == Transaction.Mode.WRAPPED
                    && m.up().transaction().tool().equals("diesel"));
        }
        MigrationSet postgres = discover("vaultwarden-migrations/migrations/postgresql");
        assertThat(postgres.migrations()).hasSize(46);
        assertThat(postgres.migrations().get(0).displayName()).isEqualTo("20190912100000 create_tables");
    }
}
