package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column added with AFTER or FIRST, which servers without instant column reordering do by copying the table. */
final class AddColumnNotAtEnd implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-add-column-not-at-end", Severity.ERROR, false,
            "A column added before the last one (AFTER, FIRST) is instant only on MariaDB 10.4 and later and MySQL 8.0.29 and"
                    + " later; other servers, and these when the table cannot take it instantly, copy every row into a new table.",
            "Add the column at the end (drop AFTER/FIRST): column order matters to no query that names its columns.");

    private static final Pattern ADD = Pattern.compile("^add (?:column )?(?:if not exists )?([\\w$]+) .*\\b(after [\\w$]+|first)$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        for (Matcher m : ddl.alterClauses(ADD)) {
            if (!TextTables.NOT_COLUMNS.contains(m.group(1))) {
                out.add(suspicion(ddl, ddl.table(), m.group(1), "adds column " + ddl.spelledColumn(m.group(1)) + " "
                        + m.group(2).toUpperCase(), Suspicion.Need.DIALECT, created));
                return;
            }
        }
    }

    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        return run == null ? !suspicion.newTable() : run.copied();
    }
}
