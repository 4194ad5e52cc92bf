package dev.schemagate.lint;

import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.lint.TableRewrite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule has a page with why, a bad example and a good one; for the SQL rules the bad example
 * must fire the rule and the good one must not, both on the text alone and on a seeded database.
 */
class RuleExamplesTest {

    @TempDir
    Path dir;

    static Stream<Rule> rules() {
        return Rules.all().stream();
    }

    static Stream<Rule> sqlRules() {
        return rules().filter(r -> RuleDocs.of(r).hasSqlExamples());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleHasAPageWithWhyBadAndGood(Rule rule) {
        assertThat(Files.isRegularFile(RuleDocs.folder().resolve(rule.id() + ".md"))).as(rule.id()).isTrue();
        assertThat(RuleDocs.of(rule).text()).contains("## Why", "## Bad", "## Good", rule.why());
    }

    @ParameterizedTest
    @MethodSource("sqlRules")
    void badExampleFiresOnTheText(Rule rule) {
        if (rule == TableRewrite.RULE) {
            return;
        }
        MigrationSet set = example(rule, RuleDocs.of(rule).bad());
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults().enabling(rule)), set, rule))
                .as(rule.id()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("sqlRules")
    void goodExampleDoesNotFireOnTheText(Rule rule) {
        MigrationSet set = example(rule, RuleDocs.of(rule).good());
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults().enabling(rule)), set, rule))
                .as(rule.id()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("sqlRules")
    void badExampleFiresOnTheDatabase(Rule rule) {
        MigrationSet set = example(rule, RuleDocs.of(rule).bad());
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(set, LintConfig.defaults().enabling(rule), 200), set, rule))
                .as(rule.id()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("sqlRules")
    void goodExampleDoesNotFireOnTheDatabase(Rule rule) {
        MigrationSet set = example(rule, RuleDocs.of(rule).good());
        assertThat(LintFixtures.inLast(LintFixtures.lintObserved(set, LintConfig.defaults().enabling(rule), 200), set, rule))
                .as(rule.id()).isEmpty();
    }

    private MigrationSet example(Rule rule, String sql) {
        String given = RuleDocs.of(rule).given();
        return LintFixtures.folder(dir, given.isEmpty() ? "SELECT 1;" : given, sql);
    }
}
