package dev.schemagate.sqlite.lint;

import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

/**
 * One SQLite lint rule in one class: its definition ({@link #rule()}) and what it suspects in the
 * facts the {@link Rebuilds} reader gives, with the evidence each suspicion needs. {@link SqliteRules}
 * lists the rules; a rule's page is {@code docs/rules/<id>.md}.
 */
interface SqliteRule {

    /** The rule's identity and defaults. */
    Rule rule();

    /** Adds what the rule suspects in one fact. */
    void check(SqliteFact fact, List<Suspicion> out);
}
