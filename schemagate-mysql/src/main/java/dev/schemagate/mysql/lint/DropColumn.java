package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER TABLE … DROP COLUMN on a table that existed before the change. */
final class DropColumn implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-drop-column", Severity.ERROR, false,
            "Dropping a column deletes its values at once (MySQL commits DDL, there is no rollback), and code still deployed that"
                    + " reads or writes it fails.",
            "Stop reading and writing the column in a release first, then drop it in a later migration.");

    private static final Pattern DROP = Pattern.compile("^drop (?:column )?(?:if exists )?([\\w$]+)$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        for (Matcher m : ddl.alterClauses(DROP)) {
            if (!TextTables.NOT_COLUMNS.contains(m.group(1))) {
                out.add(suspicion(ddl, ddl.table(), m.group(1), "drops column " + ddl.spelledColumn(m.group(1)),
                        Suspicion.Need.EXISTING_TABLE, created));
            }
        }
    }
}
