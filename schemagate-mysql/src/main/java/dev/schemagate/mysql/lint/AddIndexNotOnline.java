package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;

/**
 * An index added to an existing table without {@code LOCK=NONE}: when the server cannot build it
 * online it silently takes a lock that blocks writes (or copies the table) instead of refusing.
 */
final class AddIndexNotOnline implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-add-index-not-online", Severity.ERROR, false,
            "Without ALGORITHM=INPLACE, LOCK=NONE the server picks what it can: for this index that was a build that blocks"
                    + " writes to the table (or a copy of it) for as long as it takes on the table's rows.",
            "Write ALGORITHM=INPLACE, LOCK=NONE so the server refuses instead of blocking; an index that cannot be built"
                    + " online (FULLTEXT, SPATIAL, some primary keys) needs an online schema change tool or a maintenance window.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (ddl.text().contains("\\block ?= ?none\\b")) {
            return;
        }
        boolean adds = ddl.kind() == Ddl.Kind.CREATE_INDEX || ddl.kind() == Ddl.Kind.ALTER_TABLE && ddl.clauses().stream()
                .anyMatch(c -> c.text().matches("^add (?:constraint(?: [\\w$]+)? )?(?:unique|primary key|fulltext|spatial|index|key)\\b.*"));
        if (adds) {
            out.add(suspicion(ddl, ddl.table(), null, "adds an index to " + ddl.spelled(ddl.table()) + " without LOCK=NONE",
                    Suspicion.Need.DIALECT, created));
        }
    }

    /**
     * With the server's evidence: stands when the server could not build it with LOCK=NONE. On the text
     * alone: only for the indexes no server builds online (FULLTEXT, SPATIAL), as MySQL 5.6
     * and later and MariaDB 10.0 and later build every other index with LOCK=NONE by default.
     */
    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        if (run == null) {
            return !suspicion.newTable() && MysqlText.of(suspicion.statement().sql()).contains("\\b(?:fulltext|spatial)\\b");
        }
        return run.algorithm() != null && !run.lockNone();
    }
}
