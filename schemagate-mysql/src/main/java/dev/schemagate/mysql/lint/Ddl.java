package dev.schemagate.mysql.lint;

import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement read as MySQL DDL: what it is, the table it is about and its clauses, each with the
 * string literals it holds (an ENUM's labels), so that every rule reads the same parse.
 *
 * @param statement the statement
 * @param text      its text as the rules match it
 * @param kind      what it is
 * @param tables    the tables it is about (for a RENAME TABLE, the old names; for a DROP TABLE, each one)
 * @param clauses   for ALTER TABLE and CREATE TABLE, each comma-separated part outside parentheses
 * @param renamedTo for RENAME TABLE, the new names, one per old name
 */
record Ddl(Statement statement, MysqlText text, Kind kind, List<String> tables, List<Clause> clauses, List<String> renamedTo) {

    /** The statements the rules read. */
    enum Kind { ALTER_TABLE, CREATE_TABLE, CREATE_INDEX, RENAME_TABLE, DROP_TABLE, OTHER }

    /**
     * One clause.
     *
     * @param text     its masked text
     * @param literals the literals in it, in order
     */
    /** The matches of {@code pattern} in this statement's clauses, in order, if it is an ALTER TABLE; none otherwise. */
    List<Matcher> alterClauses(Pattern pattern) {
        List<Matcher> matches = new ArrayList<>();
        if (kind == Kind.ALTER_TABLE) {
            for (Clause clause : clauses) {
                Matcher m = pattern.matcher(clause.text());
                if (m.find()) {
                    matches.add(m);
                }
            }
        }
        return matches;
    }

    record Clause(String text, List<String> literals) {
    }

    Ddl {
        tables = List.copyOf(tables);
        clauses = List.copyOf(clauses);
        renamedTo = List.copyOf(renamedTo);
    }

    static Ddl of(Statement statement) {
        MysqlText text = MysqlText.of(statement.sql());
        Matcher m;
        if ((m = text.leading("alter (?:online )?(?:ignore )?table (?:if exists )?" + MysqlText.NAME + " ?(.*)")) != null) {
            return new Ddl(statement, text, Kind.ALTER_TABLE, List.of(MysqlText.table(m.group(1))), clauses(text, m.group(2)), List.of());
        }
        if ((m = text.leading("create (?:or replace )?table (?:if not exists )?" + MysqlText.NAME + " ?\\((.*)\\)[^)]*")) != null) {
            return new Ddl(statement, text, Kind.CREATE_TABLE, List.of(MysqlText.table(m.group(1))), clauses(text, m.group(2)), List.of());
        }
        if ((m = text.leading("create (?:or replace )?(?:temporary )?table (?:if not exists )?" + MysqlText.NAME)) != null) {
            return new Ddl(statement, text, Kind.CREATE_TABLE, List.of(MysqlText.table(m.group(1))), List.of(), List.of());
        }
        if ((m = text.leading("create (?:or replace )?(?:online )?(?:unique |fulltext |spatial )?index (?:if not exists )?[\\w$]+"
                + " (?:using \\w+ )?on " + MysqlText.NAME + " ?\\((.*?)\\)")) != null) {
            return new Ddl(statement, text, Kind.CREATE_INDEX, List.of(MysqlText.table(m.group(1))),
                    List.of(new Clause(m.group(2), List.of())), List.of());
        }
        if ((m = text.leading("rename tables? (.*)")) != null) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String pair : MysqlText.topLevel(m.group(1))) {
                String[] names = pair.split(" to ");
                if (names.length == 2) {
                    from.add(MysqlText.table(names[0].strip()));
                    to.add(MysqlText.table(names[1].strip()));
                }
            }
            return new Ddl(statement, text, Kind.RENAME_TABLE, from, List.of(), to);
        }
        if ((m = text.leading("drop tables? (?:if exists )?(.*?)(?: restrict| cascade)?$")) != null) {
            return new Ddl(statement, text, Kind.DROP_TABLE, MysqlText.topLevel(m.group(1)).stream().map(MysqlText::table).toList(),
                    List.of(), List.of());
        }
        return new Ddl(statement, text, Kind.OTHER, List.of(), List.of(), List.of());
    }

    /** The clauses of {@code body}, a part of the text after which no literal comes before it. */
    private static List<Clause> clauses(MysqlText text, String body) {
        int before = MysqlText.literalsIn(text.masked().substring(0, text.masked().indexOf(body)));
        List<Clause> clauses = new ArrayList<>();
        int next = before;
        for (String part : MysqlText.topLevel(body)) {
            int count = MysqlText.literalsIn(part);
            int end = Math.min(next + count, text.literals().size());
            clauses.add(new Clause(part, text.literals().subList(Math.min(next, end), end)));
            next += count;
        }
        return clauses;
    }

    /** A name the rules read in lower case, as this statement spells it (see {@link MysqlText#spelled}). */
    String spelled(String name) {
        return text.spelled(name);
    }

    /** A column of the statement's table, {@code table.column}, as the statement spells both. */
    String spelledColumn(String column) {
        return spelled(table()) + "." + spelled(column);
    }

    /** The table the statement is about, or null. */
    String table() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    /** Whether it changes an existing table in a way the server may copy: an ALTER TABLE or CREATE INDEX. */
    boolean alters() {
        return kind == Kind.ALTER_TABLE || kind == Kind.CREATE_INDEX;
    }

    /** Whether the statement names its own algorithm or lock, which then cannot be probed. */
    boolean namesAlgorithmOrLock() {
        return text.contains("\\b(?:algorithm|lock) ?= ?\\w+");
    }
}
