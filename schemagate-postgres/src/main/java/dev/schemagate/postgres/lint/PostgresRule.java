package dev.schemagate.postgres.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.Statement;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One PostgreSQL lint rule in one class: its definition ({@link #rule()}: id, severity, why and
 * hint), what it suspects in the facts a statement's text gives, with the evidence each suspicion
 * needs, what it finds in the evidence alone, and squawk's names for it. {@link PostgresRules}
 * lists the rules; a rule's page is {@code docs/rules/<id>.md}.
 */
interface PostgresRule {

    /** The rule's identity and defaults. */
    Rule rule();

    /** Adds what the rule suspects in one fact of a statement; {@code memory} holds what came before. */
    default void check(LintStatement statement, Fact fact, LintMemory memory, List<Suspicion> out) {
    }

    /**
     * What only the database's evidence shows about a statement that no suspicion of {@code covered}
     * rules explained; {@code inProduction} says whether a table holds rows in production.
     */
    default Optional<DialectRules.Evident> evident(Statement statement, Observation observed, Predicate<Rule> covered,
                                                   Predicate<String> inProduction) {
        return Optional.empty();
    }

    /** Squawk's names of rules that judge the same thing, so that {@code -- squawk-ignore} silences this one. */
    default List<String> squawk() {
        return List.of();
    }
}
