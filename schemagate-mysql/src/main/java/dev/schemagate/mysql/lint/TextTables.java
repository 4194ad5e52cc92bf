package dev.schemagate.mysql.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables as the migrations' text defines them, read in apply order: each table's columns (with
 * their types, and the labels of an ENUM or SET) and the column lists of its indexes, including the
 * one InnoDB creates for a foreign key that has none. Enough for the rules to know what a statement
 * changes; the server's own evidence decides what it costs.
 */
final class TextTables {

    private static final Pattern COLUMN = Pattern.compile("^([\\w$]+) ((?:enum|set)\\s?\\([^)]*\\)|[a-z]+(?: ?\\([^)]*\\))?(?: unsigned)?)");
    private static final Pattern INDEX = Pattern.compile(
            "^(?:constraint(?: [\\w$]+)? )?(?:primary key|unique(?: key| index)?|key|index|fulltext(?: key| index)?|spatial(?: key| index)?)"
                    + "(?: [\\w$]+)?(?: using \\w+)? ?\\(([^)]*(?:\\([^)]*\\)[^)]*)*)\\)");
    private static final Pattern FOREIGN_KEY = Pattern.compile("^(?:constraint(?: ([\\w$]+))? )?foreign key(?: [\\w$]+)? ?\\(([^)]*)\\)");
    /** The start of a column type, which tells a column named like a keyword ({@code `key` TEXT}) from an index. */
    private static final Pattern TYPE = Pattern.compile("^(?:(?:tiny|small|medium|big)?int|integer|decimal|numeric|float|double|real|bit"
            + "|bool(?:ean)?|n?(?:var)?char|(?:var)?binary|(?:tiny|medium|long)?(?:text|blob)|date|datetime|timestamp|time|year|enum|set"
            + "|json|uuid|inet[46]|geometry|point|linestring|polygon)\\b");
    static final List<String> NOT_COLUMNS = List.of("constraint", "primary", "key", "index", "unique", "foreign", "fulltext",
            "spatial", "check", "period", "system");

    /** One table as the text defines it. */
    static final class Table {
        final Map<String, String> types = new LinkedHashMap<>();
        final Map<String, List<String>> labels = new HashMap<>();
        final List<List<String>> indexes = new ArrayList<>();

        /** Whether an index starts with {@code columns}, as InnoDB needs for a foreign key. */
        boolean indexed(List<String> columns) {
            return indexes.stream().anyMatch(index -> index.size() >= columns.size()
                    && index.subList(0, columns.size()).equals(columns));
        }
    }

    private final Map<String, Table> tables = new HashMap<>();

    Table table(String name) {
        return name == null ? null : tables.get(name);
    }

    boolean exists(String name) {
        return name != null && tables.containsKey(name);
    }

    /** Learns what a statement defines. */
    void read(Ddl ddl) {
        switch (ddl.kind()) {
            case CREATE_TABLE -> {
                Table table = new Table();
                tables.put(ddl.table(), table);
                ddl.clauses().forEach(clause -> define(table, clause.text(), clause));
            }
            case ALTER_TABLE -> {
                Table table = tables.computeIfAbsent(ddl.table(), name -> new Table());
                for (Ddl.Clause clause : ddl.clauses()) {
                    alter(ddl, table, clause);
                }
            }
            case CREATE_INDEX -> {
                Table table = tables.get(ddl.table());
                if (table != null) {
                    table.indexes.add(columns(ddl.clauses().get(0).text()));
                }
            }
            case RENAME_TABLE -> {
                for (int i = 0; i < ddl.tables().size(); i++) {
                    Table table = tables.remove(ddl.tables().get(i));
                    if (table != null) {
                        tables.put(ddl.renamedTo().get(i), table);
                    }
                }
            }
            case DROP_TABLE -> ddl.tables().forEach(tables::remove);
            default -> {
            }
        }
    }

    private void alter(Ddl ddl, Table table, Ddl.Clause clause) {
        String text = clause.text();
        Matcher m;
        if ((m = Pattern.compile("^add (?:column )?(?:if not exists )?(.*)").matcher(text)).find()) {
            define(table, m.group(1), clause);
        } else if ((m = Pattern.compile("^modify (?:column )?(?:if exists )?(.*)").matcher(text)).find()) {
            define(table, m.group(1), clause);
        } else if ((m = Pattern.compile("^change (?:column )?(?:if exists )?([\\w$]+) (.*)").matcher(text)).find()) {
            table.types.remove(m.group(1));
            table.labels.remove(m.group(1));
            define(table, m.group(2), clause);
        } else if ((m = Pattern.compile("^rename column ([\\w$]+) to ([\\w$]+)").matcher(text)).find()) {
            String type = table.types.remove(m.group(1));
            if (type != null) {
                table.types.put(m.group(2), type);
            }
        } else if ((m = Pattern.compile("^drop (?:column )?(?:if exists )?([\\w$]+)$").matcher(text)).find()
                && !NOT_COLUMNS.contains(m.group(1))) {
            table.types.remove(m.group(1));
            table.labels.remove(m.group(1));
        } else if ((m = Pattern.compile("^rename (?:to |as )?" + MysqlText.NAME + "$").matcher(text)).find()) {
            tables.remove(ddl.table());
            tables.put(MysqlText.table(m.group(1)), table);
        }
    }

    /** A column, index or foreign key definition of a CREATE TABLE or an ADD. */
    private static void define(Table table, String text, Ddl.Clause clause) {
        Matcher m;
        if ((m = INDEX.matcher(text)).find() && !TYPE.matcher(text.replaceFirst("^[\\w$]+ ", "")).find()) {
            table.indexes.add(columns(m.group(1)));
        } else if ((m = FOREIGN_KEY.matcher(text)).find()) {
            List<String> columns = columns(m.group(2));
            if (!table.indexed(columns)) {
                table.indexes.add(columns);
            }
        } else if ((m = COLUMN.matcher(text)).find() && (!NOT_COLUMNS.contains(m.group(1)) || TYPE.matcher(m.group(2)).find())) {
            String column = m.group(1);
            String type = m.group(2).replace(" (", "(");
            table.types.put(column, type);
            if (type.startsWith("enum") || type.startsWith("set")) {
                table.labels.put(column, clause.literals().subList(0, Math.min(MysqlText.literalsIn(type), clause.literals().size())));
            } else {
                table.labels.remove(column);
            }
            if (text.matches(".*\\bprimary key\\b.*") || text.matches(".*\\bunique(?: key)?\\b.*")) {
                table.indexes.add(List.of(column));
            }
        }
    }

    /** A type as the server stores it, so that aliases compare equal: {@code BOOLEAN} is {@code tinyint}, {@code INT(11)} is {@code int}. */
    static String canonicalType(String type) {
        return type.toLowerCase(Locale.ROOT).replace(" ", "").replaceAll("^bool(ean)?$", "tinyint")
                .replaceAll("^integer", "int").replaceAll("^((?:tiny|small|medium|big)?int)\\(\\d+\\)", "$1");
    }

    /** {@code a, b(10) desc} as {@code [a, b]}. */
    static List<String> columns(String list) {
        return MysqlText.topLevel(list).stream().map(c -> c.replaceAll("\\(.*", "").replaceAll(" (asc|desc)$", "").strip())
                .filter(c -> !c.isEmpty()).toList();
    }
}
