package dev.schemagate.sqlite;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.RuleDocs;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.sqlite.lint.SqliteRules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's lint rules are registered and each has its page in {@code docs/rules/}, whose examples are
 * its fixtures: the bad one fires the rule and the good one does not, and the good one runs on
 * SQLite after the page's earlier migration with every check.
 */
class SqliteRuleDocsTest {

    @TempDir
    Path dir;

    static Stream<Rule> rules() {
        return new SqliteRules().rules().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleIsRegisteredAndHasAPageWithWhyBadAndGood(Rule rule) throws IOException {
        assertThat(DialectRules.find("sqlite")).isPresent();
        assertThat(Rules.byId(rule.id())).contains(rule);
        String page = RuleDocs.of(rule).text();
        assertThat(page).startsWith("# `" + rule.id() + "`").contains("## Why", "## Bad", "## Good", rule.why(), rule.hint());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void badExampleFiresAndGoodDoesNot(Rule rule) throws IOException {
        assertThat(RuleDocs.of(rule).hasSqlExamples()).as(rule.id() + " has Bad and Good SQL").isTrue();
        assertThat(fired(rule, RuleDocs.of(rule).bad())).as(rule.id()).isNotEmpty();
        assertThat(fired(rule, RuleDocs.of(rule).good())).as(rule.id()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void goodExampleRunsOnSqliteWithEveryCheck(Rule rule) throws IOException {
        assertThat(RuleDocs.of(rule).given()).as(rule.id() + " has a Given example").isNotEmpty();
        RuleDocs.of(rule).folder(dir, RuleDocs.of(rule).good(), "sqlite");
        VerifyResult result = new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(dir).withDialect("sqlite")
                .withChecks(EnumSet.allOf(CheckName.class)));

        assertThat(result.runs()).extracting(MigrationRun::status).containsOnly(MigrationRun.Status.APPLIED);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(rule.id())
                .noneMatch(id -> id.startsWith("integrity.") || id.startsWith("data.up"));
    }

    private List<Finding> fired(Rule rule, String sql) throws IOException {
        MigrationSet set = RuleDocs.of(rule).folder(dir, sql, "sqlite");
        return new Linter(Dialects.byId("sqlite"), LintConfig.defaults()).lint(set, HistoryCut.none()).findings().stream()
                .filter(f -> f.ruleId().equals(rule.id())).toList();
    }
}
