package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;

/**
 * DROP TABLE of a table that existed before the change; a {@code DROP TABLE IF EXISTS} of a table no
 * migration created is a guard, not a drop.
 */
final class DropTable implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-drop-table", Severity.ERROR, false,
            "Dropping a table deletes its rows at once (MySQL commits DDL, there is no rollback), and code still deployed that reads it fails.",
            "Stop using the table in a release first; rename it or back it up, then drop it later.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (ddl.kind() == Ddl.Kind.DROP_TABLE && !ddl.text().masked().startsWith("drop temporary")) {
            boolean ifExists = ddl.text().leading("drop tables? if exists ") != null;
            for (String table : ddl.tables()) {
                if (ifExists && !tables.exists(table)) {
                    continue;
                }
                out.add(suspicion(ddl, table, null, "drops table " + ddl.spelled(table), Suspicion.Need.EXISTING_TABLE,
                        created));
            }
        }
    }
}
