package dev.schemagate.sqlite.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintPlan;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.HistoryCut;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SQLite's own lint rules: what its {@code ALTER TABLE} cannot do (or can do only on an empty
 * table), and the table-rebuild procedure done wrong (the old table renamed instead of the new one,
 * so foreign keys follow it and dangle; indexes and triggers the drop took along not recreated).
 * Rows and values a rebuild's copy loses are the data check's to show, with the rows as evidence.
 * Each rule is one class, listed once in {@link #RULES}; {@link Rebuilds} reads the scripts for them.
 */
public final class SqliteRules implements DialectRules {

    /** The rules, each one class; their order is the order in which they speak about one script. */
    static final List<SqliteRule> RULES = List.of(new AlterTableUnsupported(), new RebuildRenamesOldTable(),
            new RebuildLosesObjects());

    @Override
    public String dialect() {
        return "sqlite";
    }

    @Override
    public List<Rule> rules() {
        return RULES.stream().map(SqliteRule::rule).toList();
    }

    @Override
    public List<Suspicion> suspect(List<LintPlan.PlannedScript> scripts, HistoryCut cut) {
        TextSchema schema = new TextSchema();
        Set<String> createdInChange = new HashSet<>();
        List<Suspicion> suspicions = new ArrayList<>();
        for (LintPlan.PlannedScript script : scripts) {
            boolean past = cut.isHistory(script.migration());
            if (past || !cut.active()) {
                createdInChange.clear();
            }
            List<Suspicion> found = new Rebuilds(RULES, schema, createdInChange).read(script, past);
            if (!past) {
                suspicions.addAll(found);
            }
        }
        return suspicions;
    }
}
