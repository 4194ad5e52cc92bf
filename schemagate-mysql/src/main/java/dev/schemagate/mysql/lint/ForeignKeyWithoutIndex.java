package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreign key added to an existing table whose columns no index starts with: InnoDB then builds
 * one of its own, named after the constraint, inside the same ALTER.
 */
final class ForeignKeyWithoutIndex implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-foreign-key-without-index", Severity.WARNING, false,
            "InnoDB needs an index that starts with a foreign key's columns; when none exists, ADD FOREIGN KEY builds one"
                    + " itself, named after the constraint, as part of an ALTER that already copies the table while"
                    + " foreign_key_checks is on, and that hidden index cannot be dropped while the key exists.",
            "Create the index on the foreign key's columns first, in its own statement (ALGORITHM=INPLACE, LOCK=NONE),"
                    + " then add the foreign key.");

    private static final Pattern FOREIGN_KEY = Pattern.compile("^add (?:constraint(?: ([\\w$]+))? )?foreign key(?: [\\w$]+)? ?\\(([^)]*)\\)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (ddl.kind() != Ddl.Kind.ALTER_TABLE) {
            return;
        }
        TextTables.Table table = tables.table(ddl.table());
        for (Ddl.Clause clause : ddl.clauses()) {
            Matcher m = FOREIGN_KEY.matcher(clause.text());
            if (!m.find()) {
                continue;
            }
            List<String> columns = TextTables.columns(m.group(2));
            boolean indexedHere = ddl.clauses().stream().anyMatch(other -> other != clause
                    && other.text().matches("^add (?:unique |primary )?(?:key|index)?.*\\(" + Pattern.quote(String.join(", ", columns)) + "\\b.*"));
            if ((table == null || !table.indexed(columns)) && !indexedHere) {
                out.add(suspicion(ddl, ddl.table(), columns.get(0), "adds a foreign key on " + ddl.spelled(ddl.table()) + " ("
                        + String.join(", ", columns.stream().map(ddl::spelled).toList()) + ") that no index starts with",
                        Suspicion.Need.DIALECT, created));
            }
        }
    }

    /** With the server's evidence: stands when an index appeared that the statement did not name. */
    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        if (run == null) {
            return !suspicion.newTable();
        }
        String text = MysqlText.of(suspicion.statement().sql()).masked();
        return run.indexesAdded().stream().anyMatch(index -> !text.matches("(?s).*\\b(?:key|index) " + Pattern.quote(index) + "\\b.*"));
    }
}
