package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line finds a Spring Boot project's migrations as the Maven plugin and the JUnit
 * extension do: from the project folder, or from a settings file named with --spring-config.
 */
class SpringBootCliTest {

    private static final String URL = Examples.sharedServerUrl();

    @Test
    void aSpringBootProjectFolderIsVerifiedWhereItsSettingsPutTheChangelogWithTheirContextsAndParameters(@TempDir Path out)
            throws IOException {
        CommandRun run = CommandRun.of("verify", Examples.example("spring-boot-liquibase"), "--db-url", URL, "--checks", "apply",
                "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("changelog.xml (spring.liquibase.change-log)");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(descriptions(report)).containsExactly("library:create-books", "library:create-loans", "library:drop-legacy-loans");
        assertThat(report.path("migrations").get(2).path("status").asText()).as("its tableExists precondition marks it ran")
                .isEqualTo("skipped");
    }

    @Test
    void theTextLintSaysOnceThatItCannotTellWhichChangesetsThePreconditionsSkip(@TempDir Path out) throws IOException {
        CommandRun run = CommandRun.of("lint", "--static", Examples.example("spring-boot-liquibase"), "--format", "json",
                "--out", out.toString());

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> rules = new ArrayList<>();
        report.path("findings").forEach(finding -> rules.add(finding.path("ruleId").asText()));
        assertThat(rules).as(run.toString()).containsOnlyOnce("lint.preconditions-undecided").contains("lint.drop-table");
    }

    @Test
    void aSettingsFileNamesFlywayMigrationsAndGivesTheirPlaceholders(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__items.sql"), "CREATE TABLE ${owner}_items (id bigint);\n");
        Path settings = Files.writeString(dir.resolve("application.properties"), "spring.flyway.placeholders.owner=shop\n");

        CommandRun run = CommandRun.of("verify", "--spring-config", settings.toString(), "--db-url", URL, "--checks", "apply",
                "--format", "json", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("(Spring Boot's default classpath:db/migration)");
    }

    @Test
    void anUnsetChangelogParameterIsAnInputErrorAndParamSetsIt(@TempDir Path out) {
        String changelog = Examples.example("spring-boot-liquibase/src/main/resources/db/changelog/changelog.xml");

        CommandRun unset = CommandRun.of("verify", changelog, "--db-url", URL, "--checks", "apply");
        CommandRun set = CommandRun.of("verify", changelog, "--db-url", URL, "--checks", "apply", "--param", "loans_table=loans",
                "--param", "max_loans=3", "--contexts", "prod", "--format", "json", "--out", out.toString());

        assertThat(unset.exitCode()).as(unset.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(unset.err()).contains("changes/002-loans.yaml:2: changeset library:create-loans uses the changelog parameter"
                + " ${loans_table}", "--param loans_table=VALUE");
        assertThat(set.exitCode()).as(set.toString()).isZero();
    }

    @Test
    void snapshotAndDiffReadAProjectFolderWhoseVendorFolderChoosesTheDialect(@TempDir Path project) throws IOException {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path sqlite = Files.createDirectories(resources.resolve("db/migration/sqlite"));
        Files.writeString(sqlite.resolve("V1__items.sql"), "CREATE TABLE ${owner}_items (id integer PRIMARY KEY);\n");
        Files.writeString(sqlite.resolve("V2__price.sql"), "ALTER TABLE ${owner}_items ADD COLUMN price integer;\n");
        Files.writeString(resources.resolve("application.properties"), """
                spring.flyway.locations=classpath:db/migration/{vendor}
                spring.flyway.placeholders.owner=shop
                """);
        Path json = project.resolve("schema.json");

        CommandRun snapshot = CommandRun.of("snapshot", project.toString(), "-o", json.toString());

        assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
        assertThat(snapshot.err()).contains(sqlite + " (spring.flyway.locations, {vendor} = sqlite from the folder that exists)");
        JsonNode tables = new ObjectMapper().readTree(json.toFile()).path("tables");
        assertThat(tables.toString()).as("the settings' placeholder applies").contains("shop_items").contains("price");

        CommandRun diff = CommandRun.of("diff", project + "@1", project.toString(), "--format", "json");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(diff.out()).contains("price");
    }

    private static List<String> descriptions(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.path("migrations").forEach(migration -> names.add(migration.path("description").asText()));
        return names;
    }
}
