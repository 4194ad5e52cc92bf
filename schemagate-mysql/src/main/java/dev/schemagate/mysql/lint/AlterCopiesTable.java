package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Any other ALTER TABLE or CREATE INDEX the server ran by copying the table (a charset conversion,
 * a foreign key added with its checks on, a new primary key): suspected on every such statement on
 * an existing table that no other copy rule names, confirmed only by the server's evidence.
 */
final class AlterCopiesTable implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-alter-copies-table", Severity.ERROR, false,
            "The server ran this ALTER with ALGORITHM=COPY: it copied every row into a new table, which takes as long as the"
                    + " table is big, needs its size again in free disk, and on MySQL blocks writes until it ends.",
            "Split out the part that forces the copy (the evidence names it) and do it with an online schema change tool, in a"
                    + " maintenance window, or in a form the server runs INPLACE or INSTANT.");

    private final List<MysqlRule> specific;

    /** @param specific the rules whose suspicion already says the statement copies the table */
    AlterCopiesTable(List<MysqlRule> specific) {
        this.specific = List.copyOf(specific);
    }

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (!ddl.alters() || ddl.table() == null || created.contains(ddl.table())) {
            return;
        }
        List<Suspicion> others = new ArrayList<>();
        specific.forEach(rule -> rule.suspect(ddl, tables, created, others));
        if (others.isEmpty()) {
            out.add(suspicion(ddl, ddl.table(), null, "copies table " + ddl.spelled(ddl.table()), Suspicion.Need.DIALECT, created));
        }
    }

    /** Only the server shows a copy: the text alone never stands. */
    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        return run != null && run.copied();
    }
}
