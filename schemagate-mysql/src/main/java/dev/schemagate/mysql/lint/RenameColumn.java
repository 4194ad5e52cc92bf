package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RENAME COLUMN, or CHANGE COLUMN with a new name, on a table that existed before the change. */
final class RenameColumn implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-rename-column", Severity.ERROR, false,
            "Code still deployed uses the old column name and fails as soon as the rename commits, and in MySQL it commits at once.",
            "Add the new column, write both, backfill, move readers over in a release, then drop the old column.");

    private static final Pattern RENAME = Pattern.compile("^(?:rename column ([\\w$]+) to ([\\w$]+)|change (?:column )?(?:if exists )?([\\w$]+) ([\\w$]+) )");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        for (Matcher m : ddl.alterClauses(RENAME)) {
            String from = m.group(1) != null ? m.group(1) : m.group(3);
            String to = m.group(1) != null ? m.group(2) : m.group(4);
            if (!from.equals(to)) {
                out.add(suspicion(ddl, ddl.table(), from, "renames column " + ddl.spelledColumn(from) + " to " + ddl.spelled(to),
                        Suspicion.Need.EXISTING_TABLE, created));
            }
        }
    }
}
