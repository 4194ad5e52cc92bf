package dev.schemagate.cli;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every dialect module on the class path, as in the command: each dialect that lints its SQL
 * registers its rules through {@link DialectRules}, no two rules share an id, every rule is found by
 * its id (as config and ignore annotations name it) and has its page {@code docs/rules/<id>.md},
 * whose examples the dialect's own rule-page tests run.
 */
class LintRuleRegistryTest {

    static Stream<Rule> rules() {
        return Rules.all().stream();
    }

    @Test
    void theDialectsThatLintTheirSqlAreRegistered() {
        assertThat(DialectRules.all()).extracting(DialectRules::dialect).contains("postgres", "sqlite").doesNotHaveDuplicates();
        assertThat(Rules.all()).extracting(Rule::id).doesNotHaveDuplicates()
                .containsAll(Rules.core().stream().map(Rule::id).toList());
        DialectRules.all().forEach(dialect -> assertThat(dialect.rules()).as(dialect.dialect()).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleIsFoundByItsIdAndHasItsPage(Rule rule) throws IOException {
        assertThat(Rules.byId(rule.id())).contains(rule);
        Path page = Examples.root().getParent().resolve("docs/rules/" + rule.id() + ".md");
        assertThat(page).as(rule.id()).isRegularFile();
        assertThat(Files.readString(page)).startsWith("# `" + rule.id() + "`").contains("## Why", rule.why());
    }
}
