package dev.schemagate.postgres.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.Rule;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry is the rule classes: every class of this package that is a rule is listed once in
 * {@link PostgresRules#RULES}, each under its own id, and PostgreSQL's rules are found through the
 * {@link DialectRules} service.
 */
class PostgresRulesRegistryTest {

    @Test
    void everyRuleClassIsListedOnce() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(PostgresRule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/schemagate/postgres/lint");
        List<Class<?>> ruleClasses;
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "dev.schemagate.postgres.lint." + n.substring(0, n.length() - ".class".length())).toList();
            List<Class<?>> classes = new java.util.ArrayList<>();
            for (String name : names) {
                classes.add(Class.forName(name));
            }
            ruleClasses = classes.stream().filter(c -> PostgresRule.class.isAssignableFrom(c) && !c.isInterface()
                    && !Modifier.isAbstract(c.getModifiers())).toList();
        }

        assertThat(ruleClasses).hasSizeGreaterThan(30);
        assertThat(PostgresRules.RULES).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(ruleClasses);
        assertThat(PostgresRules.RULES).extracting(rule -> rule.rule().id()).doesNotHaveDuplicates().allMatch(id -> id.startsWith("lint."));
    }

    @Test
    void postgresRulesAreTheDialectsService() {
        assertThat(DialectRules.find("postgres")).get().extracting(DialectRules::rules).asList()
                .containsExactlyElementsOf(PostgresRules.RULES.stream().map(PostgresRule::rule).toList());
    }

    @Test
    void eachRuleNamesItsOwnDefinition() {
        for (PostgresRule rule : PostgresRules.RULES) {
            Rule defined = rule.rule();
            assertThat(defined.why()).as(defined.id()).endsWith(".");
            assertThat(defined.hint()).as(defined.id()).isNotBlank();
        }
    }
}
