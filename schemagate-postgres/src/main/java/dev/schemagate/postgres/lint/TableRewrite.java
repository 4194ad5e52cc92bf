package dev.schemagate.postgres.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.Rule;
import dev.schemagate.migration.Statement;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.schemagate.check.Severity.ERROR;

/**
 * {@code lint.table-rewrite}: the database rewrote a table that holds rows and no rule's suspicion
 * explained it; only the evidence shows it, so the text alone never reports it.
 */
public final class TableRewrite implements PostgresRule {

    public static final Rule RULE = new Rule("lint.table-rewrite", ERROR, false,
            "The statement rewrote the whole table, holding an ACCESS EXCLUSIVE lock for as long as the copy takes.",
            "Find a form of the change that does not rewrite (see the rule pages), or run it in a maintenance window.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<DialectRules.Evident> evident(Statement statement, Observation observed, Predicate<Rule> covered,
                                                  Predicate<String> inProduction) {
        List<String> rewritten = observed.rewrites().stream().filter(observed::existed).filter(inProduction).toList();
        if (rewritten.isEmpty() || covered.test(ChangeColumnType.RULE) || covered.test(VolatileDefault.RULE)) {
            return Optional.empty();
        }
        return Optional.of(new DialectRules.Evident(RULE, "rewrites table " + String.join(", ", rewritten), rewritten.get(0)));
    }

    @Override
    public List<String> squawk() {
        return List.of("adding-field-with-default", "changing-column-type");
    }
}
