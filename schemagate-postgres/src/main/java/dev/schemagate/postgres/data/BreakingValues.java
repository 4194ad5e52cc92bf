package dev.schemagate.postgres.data;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values that break one constraint and nothing else, as the database evaluates them: a value that
 * fails a CHECK while the table's other checks still pass, a key that points at no referenced row.
 * Each candidate is tried in a savepoint rolled back.
 */
final class BreakingValues {

    private final ProbeSession session;
    private final Candidates candidates;

    BreakingValues(ProbeSession session, Candidates candidates) {
        this.session = session;
        this.candidates = candidates;
    }

    /** A column and a value for it with which the row breaks the expression and no other check, as the database evaluates them. */
    Optional<Map.Entry<String, String>> check(ProbeRow base, String expression, List<String> others)
            throws SQLException {
        Table table = base.table();
        for (Column column : ProbeRow.writable(table)) {
            if (!mentions(expression, column.name())) {
                continue;
            }
            for (String candidate : candidates.of(column.type())) {
                List<String> outputs = new ArrayList<>();
                for (String other : base.values().keySet()) {
                    String literal = other.equals(column.name()) ? ProbeRow.literal(table, other, candidate) : base.literal(other);
                    outputs.add(literal + " AS " + Quote.ident(other));
                }
                StringBuilder test = new StringBuilder("SELECT (NOT (" + expression + "))");
                others.forEach(other -> test.append(" AND ((").append(other).append(") IS NOT FALSE)"));
                String sql = test + " FROM (SELECT " + String.join(", ", outputs) + ") AS " + Quote.ident(table.name());
                try {
                    if ("t".equals(session.rolledBack(() -> session.value(sql)))) {
                        return Optional.of(Map.entry(column.name(), candidate));
                    }
                } catch (SQLException notThisOne) {
                    // the value does not fit the column's type or domain: the next one may
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String expression, String column) {
        return expression.contains(Quote.ident(column))
                || expression.matches("(?s).*(?<![\\w\"$])" + java.util.regex.Pattern.quote(column) + "(?![\\w\"$]).*");
    }

    /** Values for the key's columns that match no referenced row, one column changed from the base row's. */
    Map<String, String> orphanKey(ProbeRow base, Constraint key, Table parent) throws SQLException {
        Table table = base.table();
        if (key.columns().stream().anyMatch(c -> base.values().get(c) == null) && key.columns().size() > 1) {
            return null;
        }
        for (int j = 0; j < key.columns().size(); j++) {
            String column = key.columns().get(j);
            for (String candidate : candidates.orphans(type(table, column))) {
                Map<String, String> replaced = new LinkedHashMap<>();
                List<String> match = new ArrayList<>();
                for (int i = 0; i < key.columns().size(); i++) {
                    String c = key.columns().get(i);
                    String literal = i == j ? ProbeRow.literal(table, c, candidate) : base.literal(c);
                    replaced.put(c, literal);
                    match.add(Quote.ident(key.referencedColumns().get(i)) + " = " + literal);
                }
                String sql = "SELECT NOT EXISTS (SELECT 1 FROM " + Quote.name(parent.qualifiedName()) + " WHERE "
                        + String.join(" AND ", match) + ")";
                try {
                    if ("t".equals(session.rolledBack(() -> session.value(sql)))) {
                        return replaced;
                    }
                } catch (SQLException notThisOne) {
                    // the value does not fit the column's type: the next one may
                }
            }
        }
        return null;
    }

    private static String type(Table table, String column) {
        return table.column(column).orElseThrow().type();
    }
}
