package dev.schemagate.mysql.plan;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.IndexKey;
import dev.schemagate.model.dialect.MysqlColumn;
import dev.schemagate.model.dialect.MysqlEvent;
import dev.schemagate.model.dialect.MysqlTable;
import dev.schemagate.model.dialect.MysqlView;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes MySQL DDL from the schema model as the introspector reads it: tables with their engine,
 * collation, row format, comment and partitions; columns with their full type, collation, default,
 * {@code ON UPDATE}, {@code AUTO_INCREMENT}, generation and visibility; keys, indexes (fulltext and
 * spatial among them), checks and foreign keys; views, triggers and routines ({@link MysqlEventDdl}
 * writes events). A text column always names its collation, so a column keeps its own when the
 * table's default changes.
 */
public final class MysqlDdl {

    private static final Pattern TRIGGER = Pattern.compile("(?s)^\\S+ \\S+ ORDER (\\d+) (.*)$");
    private static final Pattern PREFIX = Pattern.compile("^(.*)\\((\\d+)\\)$");

    private MysqlDdl() {
    }

    /** A name quoted as MySQL quotes one: {@code `a``b`}. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal, with the backslash escaped as the default {@code sql_mode} reads it. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * The schema as a file of statements that loads back: tables (foreign keys added once every
     * table exists), routines, views in the order they read each other, then triggers and events.
     */
    public static String schemaSql(Snapshot snapshot) {
        StringBuilder sql = new StringBuilder();
        for (Table table : snapshot.tables()) {
            sql.append(createTable(table)).append(";\n\n");
        }
        for (Table table : snapshot.tables()) {
            for (Constraint key : foreignKeys(table)) {
                sql.append(addConstraint(table, key)).append(";\n");
            }
        }
        for (Routine routine : snapshot.routines()) {
            sql.append(createRoutine(routine)).append(";\n\n");
        }
        for (View view : inOrder(snapshot.views())) {
            sql.append(createView(view)).append(";\n\n");
        }
        for (Table table : snapshot.tables()) {
            for (Trigger trigger : triggers(table)) {
                sql.append(createTrigger(table, trigger)).append(";\n\n");
            }
        }
        for (MysqlEvent event : snapshot.mysql().events()) {
            sql.append(MysqlEventDdl.create(event)).append(";\n\n");
        }
        return sql.toString();
    }

    /** {@code CREATE TABLE} with every column, key, index and check; foreign keys come later, by {@link #addConstraint}. */
    static String createTable(Table table) {
        List<String> items = new ArrayList<>();
        String collation = collation(table);
        table.columns().forEach(column -> items.add(column(column, collation)));
        for (Constraint constraint : table.constraints()) {
            if (constraint.type() != Constraint.Type.FOREIGN_KEY) {
                items.add(constraintItem(constraint));
            }
        }
        table.indexes().forEach(index -> items.add(indexItem(index)));
        return "CREATE TABLE " + quote(table.name()) + " (\n  " + String.join(",\n  ", items) + "\n)" + tableOptions(table)
                + partitioning(table);
    }

    static String collation(Table table) {
        return table.mysql() == null ? null : table.mysql().collation();
    }

    /** The table options after the column list: engine, collation, row format, comment. */
    static String tableOptions(Table table) {
        MysqlTable mysql = table.mysql();
        StringBuilder options = new StringBuilder();
        if (mysql != null && mysql.engine() != null) {
            options.append(" ENGINE=").append(mysql.engine());
        }
        if (mysql != null && mysql.collation() != null) {
            options.append(" COLLATE=").append(mysql.collation());
        }
        if (mysql != null && mysql.rowFormat() != null) {
            options.append(" ROW_FORMAT=").append(mysql.rowFormat());
        }
        if (table.comment() != null) {
            options.append(" COMMENT=").append(literal(table.comment()));
        }
        return options.toString();
    }

    /**
     * {@code PARTITION BY} from the introspector's one-line form ({@code RANGE (year(`at`)): p1 2024, p2 MAXVALUE}),
     * or nothing for a table that is not partitioned.
     */
    static String partitioning(Table table) {
        String text = table.mysql() == null ? null : table.mysql().partitioning();
        if (text == null) {
            return "";
        }
        int split = text.indexOf("): ");
        String head = text.substring(0, split + 1);
        String method = head.substring(0, head.indexOf(" (")).toUpperCase(Locale.ROOT);
        List<String> partitions = new ArrayList<>();
        for (String part : text.substring(split + 3).split(", ")) {
            int space = part.indexOf(' ');
            String name = space < 0 ? part : part.substring(0, space);
            String bound = space < 0 ? null : part.substring(space + 1);
            String values = bound == null ? ""
                    : method.startsWith("RANGE") ? " VALUES LESS THAN (" + bound + ")"
                    : method.startsWith("LIST") ? " VALUES IN (" + bound + ")" : "";
            partitions.add("PARTITION " + quote(name) + values);
        }
        String expression = head.substring(head.indexOf(" (") + 1);
        return "\nPARTITION BY " + method + expression + " (" + String.join(", ", partitions) + ")";
    }

    /** A column as {@code CREATE TABLE} and {@code ALTER TABLE … MODIFY} write it, its collation always named. */
    static String column(Column column, String tableCollation) {
        MysqlColumn mysql = column.mysql();
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        String collation = effectiveCollation(column, tableCollation);
        if (collation != null) {
            sql.append(" COLLATE ").append(collation);
        }
        if (column.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(')')
                    .append(mysql != null && mysql.generatedStored() ? " STORED" : " VIRTUAL");
            if (column.notNull()) {
                sql.append(" NOT NULL");
            }
        } else {
            sql.append(column.notNull() ? " NOT NULL" : " NULL");
            if (column.defaultExpression() != null) {
                sql.append(" DEFAULT ").append(column.defaultExpression());
            }
            if (mysql != null && mysql.onUpdate() != null) {
                sql.append(" ON UPDATE ").append(mysql.onUpdate());
            }
            if (mysql != null && mysql.autoIncrement()) {
                sql.append(" AUTO_INCREMENT");
            }
        }
        if (mysql != null && mysql.invisible()) {
            sql.append(" INVISIBLE");
        }
        if (column.comment() != null) {
            sql.append(" COMMENT ").append(literal(column.comment()));
        }
        return sql.toString();
    }

    /** The collation a text column has: its own, or the table's when the introspector left it out as the same. */
    static String effectiveCollation(Column column, String tableCollation) {
        if (column.collation() != null) {
            return column.collation();
        }
        boolean text = column.mysql() != null && column.mysql().charset() != null;
        return text ? tableCollation : null;
    }

    /** A primary, unique or check constraint as an item of {@code CREATE TABLE} or {@code ADD}. */
    static String constraintItem(Constraint constraint) {
        return switch (constraint.type()) {
            case PRIMARY_KEY, UNIQUE -> constraint.definition();
            default -> "CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition();
        };
    }

    static String addConstraint(Table table, Constraint constraint) {
        return "ALTER TABLE " + quote(table.name()) + " ADD " + constraintItem(constraint);
    }

    static String dropConstraint(Table table, Constraint constraint) {
        return "ALTER TABLE " + quote(table.name()) + " " + dropClause(constraint);
    }

    /** The {@code DROP} clause of {@code ALTER TABLE} for a key or check. */
    static String dropClause(Constraint constraint) {
        return "DROP " + switch (constraint.type()) {
            case PRIMARY_KEY -> "PRIMARY KEY";
            case UNIQUE -> "INDEX " + quote(constraint.name());
            case FOREIGN_KEY -> "FOREIGN KEY " + quote(constraint.name());
            default -> "CONSTRAINT " + quote(constraint.name());
        };
    }

    /** An index as an item of {@code CREATE TABLE} or {@code ADD}: {@code FULLTEXT KEY `t` (`a`, `b`)}. */
    static String indexItem(Index index) {
        String method = index.method() == null ? "btree" : index.method().toLowerCase(Locale.ROOT);
        String kind = switch (method) {
            case "fulltext" -> "FULLTEXT KEY ";
            case "spatial" -> "SPATIAL KEY ";
            default -> "KEY ";
        };
        List<String> keys = new ArrayList<>();
        for (IndexKey key : index.keys()) {
            keys.add(keyPart(key.expression(), method.equals("spatial")) + (key.descending() ? " DESC" : ""));
        }
        StringBuilder sql = new StringBuilder(kind).append(quote(index.name())).append(" (").append(String.join(", ", keys))
                .append(')');
        if (method.equals("hash") || method.equals("rtree")) {
            sql.append(" USING ").append(method.toUpperCase(Locale.ROOT));
        }
        if (index.comment() != null) {
            sql.append(" COMMENT ").append(literal(index.comment()));
        }
        if (index.mysql() != null && index.mysql().invisible()) {
            sql.append(" IGNORED");
        }
        return sql.toString();
    }

    /**
     * {@code name(10)} as the introspector writes a prefix, or {@code (expression)}, as a key part; the
     * length MariaDB reports for a spatial key is its own and cannot be written.
     */
    private static String keyPart(String expression, boolean spatial) {
        if (expression.startsWith("(")) {
            return expression;
        }
        Matcher prefix = PREFIX.matcher(expression);
        if (!prefix.matches()) {
            return quote(expression);
        }
        return quote(prefix.group(1)) + (spatial ? "" : "(" + prefix.group(2) + ")");
    }

    static List<Constraint> foreignKeys(Table table) {
        return table.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY).toList();
    }

    /** The table's triggers in the order they fire, which is the order they must be created in. */
    static List<Trigger> triggers(Table table) {
        return table.triggers().stream().sorted(Comparator.comparingInt(MysqlDdl::order)).toList();
    }

    private static int order(Trigger trigger) {
        Matcher matcher = TRIGGER.matcher(trigger.definition());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    static String createTrigger(Table table, Trigger trigger) {
        Matcher matcher = TRIGGER.matcher(trigger.definition());
        String body = matcher.matches() ? matcher.group(2) : trigger.definition();
        return "CREATE TRIGGER " + quote(trigger.name()) + " " + trigger.timing() + " " + String.join(" OR ", trigger.events())
                + " ON " + quote(table.name()) + " FOR EACH ROW " + body;
    }

    static String createView(View view) {
        MysqlView own = view.mysql() == null ? new MysqlView(null, false) : view.mysql();
        String security = own.securityInvoker() ? "SQL SECURITY INVOKER " : "";
        String check = own.checkOption() == null ? "" : " WITH " + own.checkOption().toUpperCase(Locale.ROOT) + " CHECK OPTION";
        return "CREATE " + security + "VIEW " + quote(view.name()) + " AS " + view.definition() + check;
    }

    static String createRoutine(Routine routine) {
        boolean procedure = routine.kind() == Routine.Kind.PROCEDURE;
        // a function's parameters are all IN, which MariaDB says and MySQL does not accept written
        String arguments = procedure ? routine.arguments() : routine.arguments().replaceAll("(^|, )IN ", "$1");
        StringBuilder sql = new StringBuilder("CREATE ").append(procedure ? "PROCEDURE " : "FUNCTION ")
                .append(quote(routine.name())).append('(').append(arguments).append(')');
        if (!procedure) {
            sql.append(" RETURNS ").append(routine.result());
        }
        if (routine.volatility() == Routine.Volatility.IMMUTABLE) {
            sql.append(" DETERMINISTIC");
        }
        if (routine.mysql() != null && routine.mysql().sqlDataAccess() != null) {
            sql.append(' ').append(routine.mysql().sqlDataAccess());
        }
        if (!routine.securityDefiner()) {
            sql.append(" SQL SECURITY INVOKER");
        }
        if (routine.comment() != null) {
            sql.append(" COMMENT ").append(literal(routine.comment()));
        }
        return sql.append('\n').append(routine.body()).toString();
    }

    static String dropRoutine(Routine routine) {
        return "DROP " + (routine.kind() == Routine.Kind.PROCEDURE ? "PROCEDURE " : "FUNCTION ") + quote(routine.name());
    }

    /** Views in an order where each comes after the views it reads (by their quoted names in its text). */
    static List<View> inOrder(List<View> views) {
        Map<String, View> left = new LinkedHashMap<>();
        views.forEach(view -> left.put(view.name(), view));
        List<View> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            View next = left.values().stream()
                    .filter(view -> left.keySet().stream().noneMatch(other -> !other.equals(view.name()) && reads(view, other)))
                    .findFirst().orElse(left.values().iterator().next());
            ordered.add(next);
            left.remove(next.name());
        }
        return ordered;
    }

    /** Whether the view's text names {@code name} quoted, as the server writes every name it stores. */
    static boolean reads(View view, String name) {
        return view.definition() != null && view.definition().contains(quote(name));
    }
}
