package dev.schemagate.diff;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.migration.InputException;
import dev.schemagate.model.Column;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environments and ignore sections of schemagate.yml, read beside the lint section. */
class DriftConfigTest {

    private static final String CONFIG = """
            lint:
              failOn: warning
            environments:
              staging:
                url: jdbc:postgresql://${STAGING_HOST}:5432/app
                user: ${STAGING_USER}
                password: ${STAGING_PASSWORD}
              dev:
                url: ${DEV_URL}
            ignore:
              schemas: [audit]
              names: ['public.tmp_*']
              kinds: [owners, comments]
            """;

    @Test
    void environmentsTakeUrlsAndCredentialsFromVariablesOnlyWhenUsed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), CONFIG);

        DriftConfig config = DriftConfig.load(file);

        assertThat(config.environments()).containsOnlyKeys("staging", "dev");
        String url = config.jdbcUrl(config.environments().get("staging"),
                Map.of("STAGING_HOST", "db.internal", "STAGING_USER", "app", "STAGING_PASSWORD", "p&w"));
        assertThat(url).isEqualTo("jdbc:postgresql://db.internal:5432/app?user=app&password=p%26w");
        assertThatThrownBy(() -> config.jdbcUrl(config.environments().get("dev"), Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("environments.dev.url")
                .hasMessageContaining("DEV_URL");
    }

    @Test
    void theLintReaderStillReadsTheSameFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), CONFIG);

        assertThat(LintConfigFile.load(file).failOn()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingTheClosestOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), CONFIG.replace("  failOn:", "  failon:"));

        assertThatThrownBy(() -> DriftConfig.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("lint.failon is not a setting; did you mean lint.failOn?");
        assertThatThrownBy(() -> LintConfigFile.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("lint.failon is not a setting; did you mean lint.failOn?");
        Path section = Files.writeString(dir.resolve("other.yml"), CONFIG + "environmnets: {}\n");
        assertThatThrownBy(() -> LintConfigFile.load(section)).isInstanceOf(InputException.class)
                .hasMessageContaining("environmnets is not a setting; did you mean environments?");
    }

    @Test
    void aPasswordWrittenInTheFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), """
                environments:
                  prod:
                    url: jdbc:postgresql://prod/app
                    password: hunter2
                """);

        assertThatThrownBy(() -> DriftConfig.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("environments.prod.password must name an environment variable")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://prod/app?user=app&password=hunter2",
            "jdbc:postgresql://prod/app?sslpassword=hunter2", "jdbc:postgresql://app:hunter2@prod/app"})
    void aPasswordWrittenInTheUrlIsRefused(String url, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), "environments:\n  prod:\n    url: " + url + "\n");

        assertThatThrownBy(() -> DriftConfig.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("environments.prod.url holds a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aPasswordFromAVariableInTheUrlIsAccepted(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"),
                "environments:\n  prod:\n    url: jdbc:postgresql://prod:5432/app?user=app&password=${PROD_PASSWORD}\n");

        assertThat(DriftConfig.load(file).environments()).containsKey("prod");
    }

    @Test
    void ignoreRulesLeaveOutSchemasPatternsAndProperties() {
        Table kept = table("public", "orders", "owner1", "the orders");
        Snapshot snapshot = new Snapshot(null, null,
                List.of(kept, table("audit", "log", null, null), table("public", "tmp_1", null, null)), null, null, null, null, null);
        IgnoreRules rules = new IgnoreRules(java.util.Set.of("audit"), List.of("public.tmp_*"), java.util.Set.of("owners", "comments"));

        Snapshot filtered = rules.apply(snapshot);

        assertThat(filtered.tables()).singleElement().satisfies(table -> {
            assertThat(table.name()).isEqualTo("orders");
            assertThat(table.owner()).isNull();
            assertThat(table.comment()).isNull();
            assertThat(table.columns().get(0).comment()).isNull();
        });
        assertThatThrownBy(() -> new IgnoreRules(java.util.Set.of(), List.of(), java.util.Set.of("grants")))
                .hasMessageContaining("'grants' is not a kind");
    }

    private static Table table(String schema, String name, String owner, String comment) {
        Column column = new Column("id", "integer", null, true, null, null, null, "the key", Privileges.NONE);
        return new Table(schema, name, List.of(column), null, null, null, owner, comment, null);
    }
}
