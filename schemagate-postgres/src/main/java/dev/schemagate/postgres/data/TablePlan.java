package dev.schemagate.postgres.data;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rows of one table are made: which columns are given, each either a generated literal
 * (an entry of the VALUES list) or a value taken from a referenced row (a {@link Join}). Identity,
 * serial and generated columns are left to the database; so are columns no generator can fill when
 * they are nullable or have a default. Otherwise the table cannot be seeded and a problem says why.
 *
 * @param targets     the columns given, in table order
 * @param expressions for each target, the expression its value comes from
 * @param values      the generated columns, in VALUES order ({@code v0}, {@code v1}...)
 * @param joins       the foreign keys values are taken from, in the order they must be joined
 * @param problems    why the table cannot be seeded; empty when it can
 */
record TablePlan(QualifiedName table, List<String> targets, List<String> expressions, List<Generator> values,
                 List<Join> joins, List<String> problems) {

    static TablePlan of(Table table, Values generators, long seed) {
        return new Builder(table, generators, seed).build();
    }

    /** How far text values of a column are moved along: 26^6, well inside eight letters. */
    private static final long TEXT_OFFSETS = 308_915_776L;

    private static final class Builder {

        private final Table table;
        private final Values generators;
        private final long seed;
        private final Map<String, String> sources = new HashMap<>();
        private final List<Generator> values = new ArrayList<>();
        private final List<Join> joins = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> checks;

        Builder(Table table, Values generators, long seed) {
            this.table = table;
            this.generators = generators;
            this.seed = seed;
            this.checks = table.constraints().stream().filter(c -> c.type() == Constraint.Type.CHECK)
                    .map(Constraint::definition).toList();
        }

        TablePlan build() {
            table.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .filter(c -> c.columns().stream().allMatch(this::givable))
                    .sorted(Comparator.comparing((Constraint c) -> -c.columns().size()).thenComparing(Constraint::name))
                    .forEach(this::foreignKey);
            for (Column column : table.columns()) {
                if (givable(column.name()) && !sources.containsKey(column.name())) {
                    generated(column);
                }
            }
            List<String> targets = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            for (Column column : table.columns()) {
                String expression = sources.get(column.name());
                if (expression != null) {
                    targets.add(column.name());
                    expressions.add(expression);
                }
            }
            return new TablePlan(table.qualifiedName(), targets, expressions, values, joins, problems);
        }

        /** Identity, serial and generated columns take their values from the database. */
        private boolean givable(String name) {
            Column column = table.column(name).orElseThrow();
            String defaultExpression = column.defaultExpression();
            return column.identity() == null && column.generatedExpression() == null
                    && (defaultExpression == null || !defaultExpression.startsWith("nextval("));
        }

        private void foreignKey(Constraint key) {
            if (key.referencedTable().equals(table.qualifiedName())) {
                selfReference(key);
                return;
            }
            Map<String, String> filters = new LinkedHashMap<>();
            List<String> provided = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                String column = key.columns().get(i);
                String referenced = key.referencedColumns().get(i);
                if (sources.containsKey(column)) {
                    if (sources.get(column) != null) {
                        filters.put(referenced, sources.get(column));
                    }
                } else {
                    provided.add(referenced);
                }
            }
            if (provided.isEmpty()) {
                return;
            }
            Join join = new Join("f" + joins.size(), key.referencedTable(), key.referencedColumns(), provided, filters);
            joins.add(join);
            for (int i = 0; i < key.columns().size(); i++) {
                sources.putIfAbsent(key.columns().get(i), join.output(key.referencedColumns().get(i)));
            }
        }

        /**
         * A row refers to itself: a nullable column of the key is left NULL (which satisfies the key),
         * else each column takes the value generated for the column it references in the same row.
         */
        private void selfReference(Constraint key) {
            for (String column : key.columns()) {
                if (!sources.containsKey(column) && !table.column(column).orElseThrow().notNull()) {
                    sources.put(column, null);
                    return;
                }
            }
            for (int i = 0; i < key.columns().size(); i++) {
                String referenced = key.referencedColumns().get(i);
                Column target = table.column(referenced).orElseThrow();
                Generator generator = givable(referenced) && !sources.containsKey(referenced) ? generator(target) : null;
                if (generator == null) {
                    problems.add(table.qualifiedName() + ": self-referencing foreign key \"" + key.name()
                            + "\" cannot point a row at itself; make one of its columns nullable");
                    return;
                }
                sources.putIfAbsent(key.columns().get(i), value(generator));
            }
        }

        private void generated(Column column) {
            Generator generator = generator(column);
            if (generator != null) {
                sources.put(column.name(), value(generator));
                return;
            }
            boolean required = column.notNull() || generators.notNull(TypeName.parse(column.type()));
            if (required && column.defaultExpression() == null) {
                problems.add(table.qualifiedName() + ": column \"" + column.name() + "\" of type \"" + column.type()
                        + "\" cannot be generated; give it a default or mark it nullable");
            }
        }

        private Generator generator(Column column) {
            long salt = Mix.mix(seed, table.qualifiedName() + "." + column.name());
            Generator generator = generators.forType(TypeName.parse(column.type()),
                    CheckParser.hints(checks, column.name()), salt);
            // Small offsets keep numbers in the range real rows hold, so arithmetic in triggers and
            // backfills does not overflow on values no production row would have. Text has room: its
            // offsets spread over millions, so that two columns rarely share a value, as the keys an
            // application generates (tokens, challenges) never do across tables.
            long offset = Math.floorMod(salt, Scalars.letters(TypeName.parse(column.type())) ? TEXT_OFFSETS : 1_000L);
            return generator == null ? null : Generator.of(k -> generator.literal(offset + k),
                    k -> generator.expression("(" + offset + " + " + k + ")"));
        }

        private String value(Generator generator) {
            values.add(generator);
            return "g." + Quote.ident("v" + (values.size() - 1));
        }
    }
}
