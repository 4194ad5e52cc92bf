package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.VIEW_READS_COLUMN;

/** {@code lint.column-used-by-view}: a column a view reads, dropped or renamed. */
public final class ColumnUsedByView implements PostgresRule {

    public static final Rule RULE = new Rule("lint.column-used-by-view", ERROR, false,
            "A view still reads this column: dropping it fails or takes the view with it (CASCADE), renaming it breaks the view's readers.",
            "Recreate the view without the column first, in its own migration, then drop or rename the column.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.RenameColumn r) {
            readByView(s, memory, r.table(), r.column(), "renames", out);
        } else if (fact instanceof Fact.DropColumn d) {
            readByView(s, memory, d.table(), d.column(), "drops", out);
        }
    }

    private static void readByView(LintStatement s, LintMemory memory, TableName table, String column, String verb,
                                   List<Suspicion> out) {
        String view = memory.viewReading(table, column);
        if (view != null) {
            out.add(s.suspect(RULE, table.name(), column, verb + " column " + table.name() + "." + column
                    + ", which view " + view + " still reads", VIEW_READS_COLUMN));
        }
    }
}
