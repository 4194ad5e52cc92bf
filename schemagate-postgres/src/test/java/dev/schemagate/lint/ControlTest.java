package dev.schemagate.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.lint.DropColumn;
import dev.schemagate.postgres.lint.MissingLockTimeout;
import dev.schemagate.postgres.lint.PreferText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ignore annotations and the config file decide what is reported, and how loudly. */
class ControlTest {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, note text);";

    @TempDir
    Path dir;

    @Test
    void anAnnotationAboveAStatementSilencesThatRuleForThatStatementOnly() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, """
                -- schemagate:ignore lint.drop-column note unused since release 4.2
                ALTER TABLE orders DROP COLUMN note;
                ALTER TABLE orders DROP COLUMN id;
                """);
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, DropColumn.RULE))
                .extracting(f -> f.location().line()).containsExactly(3);
    }

    @Test
    void anAnnotationAtTheTopSilencesTheRuleForTheFile() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, """
                -- schemagate:ignore lint.drop-column,lint.missing-lock-timeout cleanup agreed in JIRA-12

                ALTER TABLE orders DROP COLUMN note;
                ALTER TABLE orders DROP COLUMN id;
                """);
        LintResult result = LintFixtures.lintStatic(set, LintConfig.defaults());
        assertThat(LintFixtures.inLast(result, set, DropColumn.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(result, set, MissingLockTimeout.RULE)).isEmpty();
    }

    @Test
    void anAnnotationWithoutAReasonIsNotAppliedAndIsReported() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "-- schemagate:ignore lint.drop-column\nALTER TABLE orders DROP COLUMN note;");
        LintResult result = LintFixtures.lintStatic(set, LintConfig.defaults());
        assertThat(LintFixtures.inLast(result, set, DropColumn.RULE)).hasSize(1);
        assertThat(LintFixtures.inLast(result, set, Rules.IGNORE_WITHOUT_REASON)).hasSize(1);
    }

    @Test
    void theConfigSetsSeverityTurnsRulesOffAndOptInRulesOn() throws IOException {
        Path config = Files.writeString(dir.resolve("schemagate.yml"), """
                lint:
                  failOn: warning
                  rules:
                    lint.drop-column: info
                    lint.missing-lock-timeout: off
                    lint.prefer-text: on
                """);
        LintConfig loaded = LintConfigFile.load(config);
        Path migrations = Files.createDirectory(dir.resolve("m"));
        MigrationSet set = LintFixtures.folder(migrations, ORDERS, "ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders ADD COLUMN code varchar(3);");
        LintResult result = LintFixtures.lintStatic(set, loaded);
        assertThat(LintFixtures.inLast(result, set, DropColumn.RULE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(LintFixtures.inLast(result, set, MissingLockTimeout.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(result, set, PreferText.RULE)).hasSize(1);
        assertThat(result.passed()).isFalse();
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, PreferText.RULE)).isEmpty();
    }

    @Test
    void aConfigNamingAnUnknownRuleIsAnInputError() throws IOException {
        Path config = Files.writeString(dir.resolve("schemagate.yml"), "lint:\n  rules:\n    lint.no-such-rule: off\n");
        assertThatThrownBy(() -> LintConfigFile.load(config)).isInstanceOf(InputException.class)
                .hasMessageContaining("lint.no-such-rule is not a rule");
    }

    @Test
    void theConfigInTheMigrationsFolderIsFoundAndIsNotReadAsAMigration() throws IOException {
        Files.writeString(dir.resolve("schemagate.yaml"), "lint:\n  rules:\n    lint.drop-column: off\n");
        MigrationSet set = LintFixtures.folder(dir, ORDERS, "ALTER TABLE orders DROP COLUMN note;");
        assertThat(set.migrations()).hasSize(2);
        LintConfig config = LintConfigFile.forDirectory(dir);
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, config), set, DropColumn.RULE)).isEmpty();
        assertThat(LintConfigFile.forDirectory(dir.resolve("elsewhere"))).isEqualTo(LintConfig.defaults());
    }
}
