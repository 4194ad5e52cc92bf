package dev.schemagate.migration;

import static dev.schemagate.migration.Folders.discover;
import static dev.schemagate.migration.Folders.failsNaming;
import static dev.schemagate.migration.Folders.versions;
import static dev.schemagate.migration.Folders.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway as teams configure it: placeholders, mixed, locations, and its version rules. */
class FlywayConfigTest {

    @TempDir
    Path project;

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty("flyway.placeholders.owner");
    }

    @Test
    void placeholdersComeFromFlywayConfTheYamlAndSystemPropertiesTheLaterWinning() {
        Path dir = project.resolve("db/migration");
        write(project, ".git/HEAD", "ref: refs/heads/main\n");
        write(project, "flyway.conf", "flyway.placeholders.owner=from_conf\nflyway.placeholders.schema=app\n"
                + "flyway.placeholders.tablespace=fast\n");
        write(dir, "schemagate.yml", "flyway:\n  placeholders:\n    tablespace: from_yaml\n");
        write(dir, "V1__init.sql", "CREATE TABLE ${schema}.t (a int) TABLESPACE ${tablespace};\n"
                + "ALTER TABLE ${schema}.t OWNER TO ${owner}; -- ${flyway:filename} in ${flyway:defaultSchema}, ${flyway:table}\n");

        assertThat(discover(dir, Layout.AUTO).migrations().get(0).up().text()).isEqualTo(
                "CREATE TABLE app.t (a int) TABLESPACE from_yaml;\n"
                        + "ALTER TABLE app.t OWNER TO from_conf; -- V1__init.sql in public, flyway_schema_history\n");

        System.setProperty("flyway.placeholders.owner", "from_property");
        assertThat(discover(dir, Layout.AUTO).migrations().get(0).up().text()).contains("OWNER TO from_property;");
    }

    @Test
    void flywaysUserDatabaseAndDefaultSchemaAreTheSettingsElseTheScratchDatabasesOfTheDialect() {
        write(project, ".git/HEAD", "");
        write(project, "sql/V1__init.sql", "GRANT ALL ON DATABASE ${flyway:database} TO ${flyway:user}; -- ${flyway:defaultSchema}");
        DialectNames dialect = new DialectNames(List.of("x"), Set.of(), "scratch_user", "scratch_db", "scratch_schema");

        assertThat(MigrationDiscovery.discover(project.resolve("sql"), Layout.AUTO, dialect).migrations().get(0).up().text())
                .isEqualTo("GRANT ALL ON DATABASE scratch_db TO scratch_user; -- scratch_schema");

        write(project, "flyway.conf", "flyway.user=app\nflyway.url=jdbc:anydb://host:1/shop?ssl=true\nflyway.defaultSchema=sales\n");
        assertThat(MigrationDiscovery.discover(project.resolve("sql"), Layout.AUTO, dialect).migrations().get(0).up().text())
                .isEqualTo("GRANT ALL ON DATABASE shop TO app; -- sales");
    }

    @Test
    void aDialectThatKnowsNoDefaultSchemaLeavesFlywaysToTheSettings() {
        write(project, ".git/HEAD", "");
        write(project, "sql/V1__init.sql", "SELECT 1;\nCREATE TABLE ${flyway:defaultSchema}.t (a int);");
        DialectNames dialect = new DialectNames(List.of("x"), Set.of(), "scratch_user", "", "");

        assertThatThrownBy(() -> MigrationDiscovery.discover(project.resolve("sql"), Layout.AUTO, dialect))
                .isInstanceOf(InputException.class).hasMessageContaining("V1__init.sql:2").hasMessageContaining("${flyway:defaultSchema}")
                .hasMessageContaining("set flyway.defaultSchema");

        write(project, "flyway.conf", "flyway.schemas=shop,audit\n");
        assertThat(MigrationDiscovery.discover(project.resolve("sql"), Layout.AUTO, dialect).migrations().get(0).up().text())
                .contains("CREATE TABLE shop.t");
    }

    @Test
    void aTomlConfigWithAnotherPrefixAndSuffixAndItsDefaultSchema() {
        write(project, ".git/HEAD", "");
        write(project, "flyway.toml", """
                [flyway]
                placeholderPrefix = "#["
                placeholderSuffix = "]"
                schemas = ["billing", "audit"]

                [flyway.placeholders]
                role = "writer"
                """);
        write(project, "sql/V1__init.sql", "GRANT SELECT ON #[flyway:defaultSchema].t TO #[role]; SELECT '${untouched}';");

        assertThat(discover(project.resolve("sql"), Layout.AUTO).migrations().get(0).up().text())
                .isEqualTo("GRANT SELECT ON billing.t TO writer; SELECT '${untouched}';");
    }

    @Test
    void anUnknownPlaceholderIsAnInputErrorAsInFlywayUnlessReplacementIsOff() {
        write(project, ".git/HEAD", "");
        write(project, "sql/V1__init.sql", "SELECT 1;\nSELECT '${nobody}';\n");

        failsNaming(project.resolve("sql"), Layout.AUTO, "V1__init.sql:2").hasMessageContaining("${nobody}")
                .hasMessageContaining("flyway.placeholders.nobody");

        write(project, "flyway.conf", "flyway.placeholderReplacement=false\n");
        assertThat(discover(project.resolve("sql"), Layout.AUTO).migrations().get(0).up().text()).contains("${nobody}");
    }

    @Test
    void locationsMergeSeveralFoldersIntoOneHistory() {
        write(project, ".git/HEAD", "");
        write(project, "flyway.conf", "flyway.locations=filesystem:db/core,classpath:db/extra\n");
        write(project, "db/core/V1__core.sql", "CREATE TABLE a (id int);");
        write(project, "db/core/V3__core_again.sql", "ALTER TABLE a ADD c int;");
        write(project, "src/main/resources/db/extra/V2__extra.sql", "ALTER TABLE a ADD b int;");

        MigrationSet set = discover(project.resolve("db/core"), Layout.AUTO);

        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("1 core", "2 extra", "3 core_again");
    }

    @Test
    void mixedTellsHowAMigrationMixingBothKindsRuns() {
        write(project, ".git/HEAD", "");
        write(project, "sql/V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        write(project, "sql/V2__no_tx.sql", "VACUUM t;");
        write(project, "sql/V2__no_tx.sql.conf", "executeInTransaction=false\n");

        MigrationSet set = discover(project.resolve("sql"), Layout.AUTO);
        assertThat(set.migrations()).extracting(m -> m.up().transaction().mode())
                .containsExactly(Transaction.Mode.DETECTED, Transaction.Mode.NONE);

        write(project, "flyway.conf", "flyway.mixed=true\n");
        assertThat(discover(project.resolve("sql"), Layout.AUTO).migrations().get(0).up().transaction().mode())
                .isEqualTo(Transaction.Mode.DETECTED_MIXED);
    }

    @Test
    void versionsFollowFlywaysRulesLeadingAndTrailingZerosIncluded() {
        write(project, "V1.01__a.sql", "SELECT 1;");
        write(project, "V1.1__b.sql", "SELECT 2;");
        failsNaming(project, Layout.AUTO, "V1.1__b.sql").hasMessageContaining("V1.01__a.sql");

        Path other = project.resolve("other");
        for (String version : new String[] {"1.0.1", "1.0", "001.2", "1.10", "1_9"}) {
            write(other, "V" + version + "__m.sql", "SELECT 1;");
        }
        assertThat(versions(discover(other, Layout.AUTO))).containsExactly("1.0", "1.0.1", "001.2", "1_9", "1.10");
    }

    @Test
    void filesFlywayDoesNotReadAreIgnoredWithANote() {
        write(project, "V1__a.sql", "SELECT 1;");
        write(project, "notes.sql", "SELECT 2;");

        assertThat(discover(project, Layout.AUTO).ignored()).extracting(IgnoredFile::file)
                .containsExactly(project.resolve("notes.sql"));
    }
}
