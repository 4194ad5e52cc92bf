package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's lint rules are registered and each has its page in {@code docs/rules/}, whose examples are
 * its fixtures, run on one embedded MariaDB with sample rows: the bad one fires the rule with the
 * server's evidence and the good one does not. A page whose Bad heading says it is text only shows
 * a trap this server avoids: the text-only lint fires, and the server's evidence clears it.
 */
class MysqlRuleDocsTest {

    private static final int ROWS = 50;
    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @TempDir
    Path dir;

    static Stream<Rule> rules() {
        return DialectRules.find("mysql").orElseThrow().rules().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleIsRegisteredAndHasAPageWithWhyBadAndGood(Rule rule) throws IOException {
        assertThat(Linter.observes(Dialects.byId("mysql"))).isTrue();
        assertThat(Rules.byId(rule.id())).contains(rule);
        assertThat(RuleDocs.of(rule).text()).startsWith("# `" + rule.id() + "`").contains("## Why", "## Bad", "## Good", rule.why(), rule.hint());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void badExampleFiresWithEvidenceAndGoodDoesNot(Rule rule) throws IOException {
        List<Finding> bad = observed(rule, RuleDocs.of(rule).bad());
        if (RuleDocs.of(rule).text().contains("## Bad (text only")) {
            assertThat(bad).as(rule.id() + " observed").isEmpty();
            assertThat(text(rule, RuleDocs.of(rule).bad())).as(rule.id() + " text only").isNotEmpty();
        } else {
            assertThat(bad).as(rule.id()).isNotEmpty();
            assertThat(bad.get(0).location().line()).isPositive();
            assertThat(bad.get(0).evidence()).anyMatch(line -> line.startsWith("observed: "));
        }
        assertThat(observed(rule, RuleDocs.of(rule).good())).as(rule.id()).isEmpty();
    }

    private List<Finding> observed(Rule rule, String sql) throws IOException {
        MigrationSet set = RuleDocs.of(rule).folder(dir, sql, "mysql");
        try (ScratchDatabase scratch = server.createDatabase()) {
            return new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lintObserved(set, scratch, ROWS).findings().stream()
                    .filter(f -> f.ruleId().equals(rule.id())).toList();
        }
    }

    private List<Finding> text(Rule rule, String sql) throws IOException {
        MigrationSet set = RuleDocs.of(rule).folder(dir, sql, "mysql");
        return new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lint(set, HistoryCut.none()).findings()
                .stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    }
}
