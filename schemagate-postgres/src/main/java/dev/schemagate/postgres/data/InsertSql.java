package dev.schemagate.postgres.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link TablePlan} as one {@code INSERT ... SELECT} for a set of row numbers: the
 * generated values come from a VALUES list, and each foreign key's values from a lateral join that
 * picks, for row {@code k}, the {@code k}-th (modulo their count) referenced row in key order that
 * agrees with the values the row already has, so composite keys take one whole referenced row.
 */
final class InsertSql {

    private static final String K = Quote.ident("k");
    private static final String NUMBER = Quote.ident("schemagate rn");
    private static final String COUNT = Quote.ident("schemagate n");

    private InsertSql() {
    }

    static String render(TablePlan plan, List<Integer> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Quote.name(plan.table()));
        if (!plan.targets().isEmpty()) {
            sql.append(" (").append(plan.targets().stream().map(Quote::ident).collect(Collectors.joining(", ")))
                    .append(")");
        }
        sql.append(" SELECT ").append(String.join(", ", plan.expressions()));
        sql.append(" FROM (VALUES ").append(values(plan, rows)).append(") AS g(").append(K);
        for (int i = 0; i < plan.values().size(); i++) {
            sql.append(", ").append(Quote.ident("v" + i));
        }
        sql.append(")");
        for (Join join : plan.joins()) {
            sql.append(" LEFT JOIN LATERAL (").append(pick(join)).append(") AS ").append(join.alias()).append(" ON true");
        }
        return sql.toString();
    }

    private static String values(TablePlan plan, List<Integer> rows) {
        List<String> tuples = new ArrayList<>();
        for (int row : rows) {
            StringBuilder tuple = new StringBuilder("(").append(row);
            for (Generator value : plan.values()) {
                tuple.append(", ").append(value.literal(row));
            }
            tuples.add(tuple.append(")").toString());
        }
        return String.join(", ", tuples);
    }

    private static String pick(Join join) {
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < join.provided().size(); i++) {
            outputs.add("x." + Quote.ident(join.provided().get(i)) + " AS " + Quote.ident("c" + i));
        }
        List<String> conditions = new ArrayList<>();
        for (String key : join.keys()) {
            conditions.add("r." + Quote.ident(key) + " IS NOT NULL");
        }
        for (Map.Entry<String, String> filter : join.filters().entrySet()) {
            conditions.add("r." + Quote.ident(filter.getKey()) + " = " + filter.getValue());
        }
        String keys = join.keys().stream().map(key -> "r." + Quote.ident(key)).collect(Collectors.joining(", "));
        return "SELECT " + String.join(", ", outputs) + " FROM (SELECT " + keys + ", row_number() OVER (ORDER BY "
                + keys + ") - 1 AS " + NUMBER + ", count(*) OVER () AS " + COUNT + " FROM " + Quote.name(join.table())
                + " r WHERE " + String.join(" AND ", conditions) + ") x WHERE x." + NUMBER + " = g." + K + " % x."
                + COUNT;
    }
}
