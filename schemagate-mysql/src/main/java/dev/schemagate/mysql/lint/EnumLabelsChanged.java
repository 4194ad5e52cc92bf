package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ENUM or SET column redefined with its labels reordered or some removed, rather than new ones
 * appended at the end (which the server does instantly).
 */
final class EnumLabelsChanged implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-enum-reorder", Severity.ERROR, false,
            "ENUM and SET values are stored as label positions: reordering labels or removing one copies the whole table,"
                    + " changes how the column sorts, and a row holding a removed label becomes '' (or the ALTER fails in strict mode).",
            "Only append new labels at the end of the list, which is instant; to retire a label, migrate its rows first"
                    + " and leave the label in place, or move to a lookup table.");

    private static final Pattern CHANGE = Pattern.compile("^(?:modify (?:column )?(?:if exists )?([\\w$]+)|change (?:column )?(?:if exists )?([\\w$]+) [\\w$]+) (enum|set) ?\\(");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        TextTables.Table table = tables.table(ddl.table());
        if (ddl.kind() != Ddl.Kind.ALTER_TABLE || table == null) {
            return;
        }
        for (Ddl.Clause clause : ddl.clauses()) {
            Matcher m = CHANGE.matcher(clause.text());
            if (!m.find()) {
                continue;
            }
            String column = m.group(1) != null ? m.group(1) : m.group(2);
            List<String> before = table.labels.get(column);
            int count = MysqlText.literalsIn(clause.text().substring(m.end() - 1, clause.text().indexOf(')', m.end()) + 1));
            List<String> after = clause.literals().subList(0, Math.min(count, clause.literals().size()));
            if (before == null || after.size() >= before.size() && after.subList(0, before.size()).equals(before)) {
                continue;
            }
            List<String> removed = before.stream().filter(label -> !after.contains(label)).toList();
            out.add(suspicion(ddl, ddl.table(), column, (removed.isEmpty() ? "reorders the labels of " : "removes label"
                    + (removed.size() == 1 ? " '" + removed.get(0) + "'" : "s '" + String.join("', '", removed) + "'") + " from ")
                    + ddl.spelledColumn(column) + " (" + m.group(3).toUpperCase() + " of "
                    + before.size() + " labels before, " + after.size() + " after)", Suspicion.Need.DIALECT, created));
        }
    }

    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        return !suspicion.newTable();
    }
}
