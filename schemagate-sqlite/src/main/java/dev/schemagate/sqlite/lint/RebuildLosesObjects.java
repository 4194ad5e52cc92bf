package dev.schemagate.sqlite.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Map;

/**
 * {@code lint.sqlite-rebuild-loses-indexes}: a rebuilt table that ends its script without the
 * indexes and triggers the drop of the old table took along.
 */
public final class RebuildLosesObjects implements SqliteRule {

    public static final Rule RULE = new Rule("lint.sqlite-rebuild-loses-indexes", Severity.ERROR, false,
            "Dropping the old table of a rebuild drops its indexes and triggers with it; those not created again are"
                    + " gone, and with them a unique key or the work a trigger did.",
            "After the rename, create every index and trigger of the old table again (or drop one explicitly before"
                    + " the rebuild when it is meant to go).");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(SqliteFact fact, List<Suspicion> found) {
        if (!(fact instanceof SqliteFact.ScriptEnd end)) {
            return;
        }
        TextSchema schema = end.schema();
        end.dropped().forEach((table, drop) -> {
            if (!schema.tables.contains(table)) {
                return;
            }
            List<String> missing = drop.objects().entrySet().stream()
                    .filter(object -> !schema.hasObject(table, object.getKey())
                            && (object.getValue() == null || !schema.covers(table, object.getValue())))
                    .map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                found.add(new Suspicion(RULE, drop.statement(), table, null,
                        "rebuilds " + table + " without creating again what the drop took with it: " + String.join(", ", missing),
                        Suspicion.Need.NONE, false));
            }
        });
    }
}
