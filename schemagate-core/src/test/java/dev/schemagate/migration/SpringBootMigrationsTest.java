package dev.schemagate.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Spring Boot project's migrations found from its application settings, as Spring Boot finds them. */
class SpringBootMigrationsTest {

    /** What {vendor} may stand for when the run names no dialect: the default dialect's ids first, as the dialects would say. */
    private static final SpringVendors VENDORS = new SpringVendors(List.of(), List.of("postgresql", "mysql", "mariadb", "sqlite"));

    @TempDir
    Path project;

    @Test
    void theLiquibaseChangelogItsContextsLabelsAndParametersComeFromApplicationYamlAndProperties() throws IOException {
        write("db/changelog/main.xml", "<databaseChangeLog/>");
        write("application.yml", """
                spring:
                  liquibase:
                    changeLog: classpath:/db/changelog/main.xml
                    contexts: prod
                    label-filter: "!slow"
                    parameters:
                      schema_owner: app
                      table_prefix: yml_
                """);
        write("application.properties", "spring.liquibase.parameters.table_prefix=props_\n");

        SpringBootMigrations found = SpringBootMigrations.ofProject(project, VENDORS).orElseThrow();

        assertThat(found.location()).isEqualTo(resources().resolve("db/changelog/main.xml"));
        assertThat(found.origin()).isEqualTo("spring.liquibase.change-log");
        assertThat(found.settings()).containsExactlyInAnyOrderEntriesOf(Map.of("liquibase.contexts", "prod",
                "liquibase.labels", "!slow", "liquibase.parameters.schema_owner", "app",
                "liquibase.parameters.table_prefix", "props_"));
    }

    @Test
    void flywayLocationsAndPlaceholdersComeFromProperties() throws IOException {
        Files.createDirectories(resources().resolve("db/migration/postgresql"));
        Files.createDirectories(project.resolve("sql/extra"));
        write("application.properties", """
                spring.flyway.locations=classpath:db/migration/{vendor},filesystem:sql/extra,classpath:db/missing
                spring.flyway.placeholders.owner=app
                spring.flyway.placeholder-prefix=#[
                spring.flyway.placeholder-suffix=]
                """);

        SpringBootMigrations found = SpringBootMigrations.ofProject(project, VENDORS).orElseThrow();

        assertThat(found.location()).isEqualTo(resources().resolve("db/migration/postgresql"));
        assertThat(found.settings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "flyway.locations", "filesystem:" + project.resolve("sql/extra").toAbsolutePath(),
                "flyway.placeholders.owner", "app", "flyway.placeholderPrefix", "#[", "flyway.placeholderSuffix", "]"));
    }

    @Test
    void vendorIsTheNamedDialectsElseTheSettingsUrlsElseTheFirstKnownFolderThatExists() throws IOException {
        Files.createDirectories(resources().resolve("db/migration/mysql"));
        Files.createDirectories(resources().resolve("db/migration/mariadb"));
        Files.createDirectories(resources().resolve("db/migration/sqlite"));
        write("application.properties", "spring.flyway.locations=db/migration/{vendor}\n");

        SpringBootMigrations found = SpringBootMigrations.ofProject(project, VENDORS).orElseThrow();
        assertThat(found.location()).isEqualTo(resources().resolve("db/migration/mysql"));
        assertThat(found.origin()).isEqualTo("spring.flyway.locations, {vendor} = mysql from the folder that exists");

        SpringVendors sqlite = new SpringVendors(List.of("sqlite"), VENDORS.known());
        assertThat(SpringBootMigrations.ofProject(project, sqlite).orElseThrow().location())
                .isEqualTo(resources().resolve("db/migration/sqlite"));

        write("application.yml", "spring:\n  datasource:\n    url: jdbc:mariadb://db:3306/shop\n");
        found = SpringBootMigrations.ofProject(project, VENDORS).orElseThrow();
        assertThat(found.location()).isEqualTo(resources().resolve("db/migration/mariadb"));
        assertThat(found.origin()).endsWith("{vendor} = mariadb from the settings' JDBC URL");
        assertThat(SpringBootMigrations.ofProject(project, sqlite).orElseThrow().location())
                .as("the run's own dialect wins over a URL of another").isEqualTo(resources().resolve("db/migration/sqlite"));
        SpringVendors mysql = new SpringVendors(List.of("mysql", "mariadb"), VENDORS.known());
        assertThat(SpringBootMigrations.ofProject(project, mysql).orElseThrow().location())
                .as("a URL of the run's dialect says which of its servers").isEqualTo(resources().resolve("db/migration/mariadb"));

        write("application.yml", "spring.flyway.url: jdbc:postgresql://db/shop\nspring.datasource.url: jdbc:mariadb://db/shop\n");
        assertThat(SpringBootMigrations.ofProject(project, VENDORS))
                .as("Flyway's own URL names the database, whose folder is not there").isEmpty();
    }

    @Test
    void withoutSettingsTheDefaultsAreLooked() throws IOException {
        assertThat(SpringBootMigrations.ofProject(project, VENDORS)).isEmpty();

        Files.createDirectories(resources().resolve("db/migration"));
        assertThat(SpringBootMigrations.ofProject(project, VENDORS)).hasValueSatisfying(found -> {
            assertThat(found.location()).isEqualTo(resources().resolve("db/migration"));
            assertThat(found.settings()).isEmpty();
        });

        write("db/changelog/db.changelog-master.yaml", "databaseChangeLog: []\n");
        assertThat(SpringBootMigrations.ofProject(project, VENDORS)).hasValueSatisfying(found ->
                assertThat(found.location()).isEqualTo(resources().resolve("db/changelog/db.changelog-master.yaml")));

        write("application.yml", "spring.liquibase.enabled: false\n");
        assertThat(SpringBootMigrations.ofProject(project, VENDORS)).hasValueSatisfying(found ->
                assertThat(found.location()).isEqualTo(resources().resolve("db/migration")));
    }

    @Test
    void aChangelogSettingThatNamesNothingIsAnInputError() throws IOException {
        write("application.properties", "spring.liquibase.change-log=classpath:db/changelog/gone.yaml\n");

        assertThatThrownBy(() -> SpringBootMigrations.ofProject(project, VENDORS)).isInstanceOf(InputException.class)
                .hasMessage("spring.liquibase.change-log: classpath:db/changelog/gone.yaml does not exist; fix the setting or add the changelog");
    }

    @Test
    void aRunOnAProjectFolderReadsItsSettingsAndOneOnAMigrationsFolderDoesNot() throws IOException {
        write("db/changelog/db.changelog-master.yaml", "databaseChangeLog: []\n");

        assertThat(SpringBootMigrations.forRun(project, null, VENDORS)).hasValueSatisfying(found -> {
            assertThat(found.location()).isEqualTo(resources().resolve("db/changelog/db.changelog-master.yaml"));
            assertThat(found.origin()).contains("default changelog");
        });
        assertThat(SpringBootMigrations.forRun(resources().resolve("db/changelog"), null, VENDORS)).isEmpty();
    }

    @Test
    void aSettingsFileGivenOnItsOwnIsReadWithItsFolderAsTheClassPathRoot(@TempDir Path config) throws IOException {
        Files.createDirectories(config.resolve("db/migration"));
        Path file = Files.writeString(config.resolve("application.yml"), "spring:\n  flyway:\n    placeholders:\n      owner: app\n");

        SpringBootMigrations found = SpringBootMigrations.forRun(Path.of("elsewhere"), file, VENDORS).orElseThrow();

        assertThat(found.location()).isEqualTo(config.toAbsolutePath().resolve("db/migration"));
        assertThat(found.settings()).containsEntry("flyway.placeholders.owner", "app");
        assertThat(found.settingsWith(Map.of("flyway.placeholders.owner", "cli"))).containsEntry("flyway.placeholders.owner", "cli");
        Path off = Files.writeString(config.resolve("application.properties"), "spring.flyway.enabled=false\n");
        assertThatThrownBy(() -> SpringBootMigrations.forRun(project, off, VENDORS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(off + ": sets neither spring.liquibase.change-log nor spring.flyway.locations");
    }

    @Test
    void parametersGivenAsNameValueBecomeLiquibaseParameters() {
        assertThat(ChangelogSettings.given("prod", null, List.of("table_prefix=shop_", "empty=")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("liquibase.contexts", "prod", "liquibase.parameters.table_prefix", "shop_",
                        "liquibase.parameters.empty", ""));
        assertThatThrownBy(() -> ChangelogSettings.given(null, null, List.of("table_prefix")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not name=value");
    }

    private Path resources() {
        return project.resolve("src/main/resources");
    }

    private void write(String name, String text) throws IOException {
        Path file = resources().resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
