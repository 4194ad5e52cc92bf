package dev.schemagate.sqlite.lint;

import dev.schemagate.check.Severity;
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
 */
public final class SqliteRules implements DialectRules {

    public static final Rule ALTER_UNSUPPORTED = new Rule("lint.sqlite-alter-table-unsupported", Severity.ERROR, false,
            "SQLite's ALTER TABLE can only rename a table, rename, add or drop a column; some additions work only"
                    + " while the table is empty, so they pass on a scratch database and fail on one with rows.",
            "Rebuild the table with SQLite's procedure: create the new table under a new name, copy the rows, drop the"
                    + " old table, rename the new one, recreate its indexes, triggers and views.");
    public static final Rule REBUILD_RENAMES_OLD = new Rule("lint.sqlite-rebuild-renames-old-table", Severity.ERROR, false,
            "Renaming the old table out of the way also rewrites the foreign keys that point at it (SQLite 3.26 and"
                    + " later), so once the old table is dropped they reference a table that does not exist.",
            "Create the new table under a temporary name, copy the rows, drop the old table, then rename the new one"
                    + " to the old name.");
    public static final Rule REBUILD_LOSES_OBJECTS = new Rule("lint.sqlite-rebuild-loses-indexes", Severity.ERROR, false,
            "Dropping the old table of a rebuild drops its indexes and triggers with it; those not created again are"
                    + " gone, and with them a unique key or the work a trigger did.",
            "After the rename, create every index and trigger of the old table again (or drop one explicitly before"
                    + " the rebuild when it is meant to go).");

    @Override
    public String dialect() {
        return "sqlite";
    }

    @Override
    public List<Rule> rules() {
        return List.of(ALTER_UNSUPPORTED, REBUILD_RENAMES_OLD, REBUILD_LOSES_OBJECTS);
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
            List<Suspicion> found = new Rebuilds(schema, createdInChange).read(script, past);
            if (!past) {
                suspicions.addAll(found);
            }
        }
        return suspicions;
    }
}
