package dev.schemagate.postgres.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Renders a {@link TablePlan} as one {@code INSERT ... SELECT} for a set of row numbers: the
 * generated values come from a VALUES list, and each foreign key's values from joins that pick, for
 * row {@code k}, the {@code k}-th (modulo their count) referenced row in key order that agrees with
 * the values the row already has, so composite keys take one whole referenced row.
 *
 * <p>The referenced rows are numbered once per insert (per group of values the row must agree
 * with), not once per inserted row, and the pick is an equality join, so inserting {@code n} rows
 * that reference a table of {@code m} rows costs about {@code n + m}, not {@code n * m}.
 */
final class InsertSql {

    private static final String K = Quote.ident("k");
    private static final String NUMBER = Quote.ident("schemagate rn");
    private static final String COUNT = Quote.ident("schemagate n");

    private InsertSql() {
    }

    static String render(TablePlan plan, List<Integer> rows) {
        return insertInto(plan) + " " + select(plan, rows);
    }

    /** The SELECT the insert takes its rows from: one row per row number, its columns the plan's targets in order. */
    static String select(TablePlan plan, List<Integer> rows) {
        StringBuilder source = new StringBuilder("(VALUES ").append(values(plan, rows)).append(") AS g(").append(K);
        for (int i = 0; i < plan.values().size(); i++) {
            source.append(", ").append(Quote.ident("v" + i));
        }
        return selectFrom(plan, source.append(")").toString());
    }

    /**
     * The same insert for rows {@code 0} to {@code rows - 1}, the values made on the server from
     * {@code generate_series} by the generators' expressions; null when a generator has none.
     */
    static String renderSeries(TablePlan plan, long rows) {
        StringBuilder source = new StringBuilder("(SELECT s.").append(K);
        for (int i = 0; i < plan.values().size(); i++) {
            String expression = plan.values().get(i).expression("s." + K);
            if (expression == null) {
                return null;
            }
            source.append(", ").append(expression).append(" AS ").append(Quote.ident("v" + i));
        }
        source.append(" FROM generate_series(0::bigint, ").append(rows - 1).append(") AS s(").append(K).append(")) AS g");
        return insertInto(plan) + " " + selectFrom(plan, source.toString());
    }

    private static String insertInto(TablePlan plan) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Quote.name(plan.table()));
        if (!plan.targets().isEmpty()) {
            sql.append(" (").append(plan.targets().stream().map(Quote::ident).collect(Collectors.joining(", ")))
                    .append(")");
        }
        return sql.toString();
    }

    private static String selectFrom(TablePlan plan, String source) {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", plan.expressions()));
        sql.append(" FROM ").append(source);
        for (Join join : plan.joins()) {
            sql.append(joins(join));
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

    /**
     * Two joins for one foreign key: how many referenced rows agree with the row's values, then the
     * one numbered {@code k} modulo that count among them.
     */
    private static String joins(Join join) {
        List<Map.Entry<String, String>> filters = List.copyOf(join.filters().entrySet());
        List<String> groups = new ArrayList<>();
        List<String> agree = new ArrayList<>();
        List<String> agreeCounted = new ArrayList<>();
        String counted = Quote.ident(join.alias() + " n");
        for (int i = 0; i < filters.size(); i++) {
            String group = Quote.ident("p" + i);
            groups.add("r." + Quote.ident(filters.get(i).getKey()) + " AS " + group);
            agree.add(join.alias() + "." + group + " = " + filters.get(i).getValue());
            agreeCounted.add(counted + "." + group + " = " + filters.get(i).getValue());
        }
        String partition = filters.isEmpty() ? "" : "PARTITION BY " + IntStream.range(0, filters.size())
                .mapToObj(i -> "r." + Quote.ident(filters.get(i).getKey())).collect(Collectors.joining(", ")) + " ";
        String where = join.keys().stream().map(key -> "r." + Quote.ident(key) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String from = " FROM " + Quote.name(join.table()) + " r WHERE " + where;
        List<String> countOutputs = new ArrayList<>(groups);
        countOutputs.add("NULLIF(count(*), 0) AS " + COUNT);
        String count = "SELECT " + String.join(", ", countOutputs) + from + (filters.isEmpty() ? ""
                : " GROUP BY " + IntStream.rangeClosed(1, filters.size()).mapToObj(String::valueOf).collect(Collectors.joining(", ")));
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < join.provided().size(); i++) {
            outputs.add("r." + Quote.ident(join.provided().get(i)) + " AS " + Quote.ident("c" + i));
        }
        outputs.addAll(groups);
        String keys = join.keys().stream().map(key -> "r." + Quote.ident(key)).collect(Collectors.joining(", "));
        outputs.add("row_number() OVER (" + partition + "ORDER BY " + keys + ") - 1 AS " + NUMBER);
        agree.add(join.alias() + "." + NUMBER + " = g." + K + " % " + counted + "." + COUNT);
        return " LEFT JOIN (" + count + ") AS " + counted + " ON " + (agreeCounted.isEmpty() ? "true" : String.join(" AND ", agreeCounted))
                + " LEFT JOIN (SELECT " + String.join(", ", outputs) + from + ") AS " + join.alias() + " ON "
                + String.join(" AND ", agree);
    }
}
