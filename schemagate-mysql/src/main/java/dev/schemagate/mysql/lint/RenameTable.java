package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RENAME TABLE, or ALTER TABLE … RENAME TO, of a table that existed before the change, unless the
 * same migration creates a table under the old name again (the old table moved aside to be rebuilt).
 */
final class RenameTable implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-rename-table", Severity.ERROR, false,
            "Code still deployed uses the old table name and fails as soon as the rename commits, and in MySQL it commits at once.",
            "Create the new table (or a view under the new name), move code over in a release, then drop the old name.");

    @Override
    public Rule rule() {
        return RULE;
    }

    /** The names a statement gives tables by renaming them: names no code still deployed uses. */
    static List<String> newNames(Ddl ddl) {
        if (ddl.kind() == Ddl.Kind.RENAME_TABLE) {
            return ddl.renamedTo();
        }
        return ddl.kind() != Ddl.Kind.ALTER_TABLE ? List.of() : ddl.clauses().stream()
                .map(clause -> Pattern.compile("^rename (?:to |as )?" + MysqlText.NAME + "$").matcher(clause.text()))
                .filter(Matcher::find).filter(m -> !m.group(1).matches("column|index|key"))
                .map(m -> MysqlText.table(m.group(1))).toList();
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (ddl.kind() == Ddl.Kind.RENAME_TABLE) {
            for (int i = 0; i < ddl.tables().size(); i++) {
                String table = ddl.tables().get(i);
                out.add(suspicion(ddl, table, null, "renames table " + ddl.spelled(table) + " to "
                        + ddl.spelled(ddl.renamedTo().get(i)), Suspicion.Need.EXISTING_TABLE, created));
            }
        } else if (ddl.kind() == Ddl.Kind.ALTER_TABLE) {
            for (Ddl.Clause clause : ddl.clauses()) {
                Matcher m = Pattern.compile("^rename (?:to |as )?" + MysqlText.NAME + "$").matcher(clause.text());
                if (m.find() && !m.group(1).matches("column|index|key")) {
                    out.add(suspicion(ddl, ddl.table(), null, "renames table " + ddl.spelled(ddl.table()) + " to "
                            + ddl.spelled(MysqlText.table(m.group(1))), Suspicion.Need.EXISTING_TABLE, created));
                }
            }
        }
    }
}
