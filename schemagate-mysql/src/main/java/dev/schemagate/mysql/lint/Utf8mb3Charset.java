package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A table, column or database declared in {@code utf8} (an alias of {@code utf8mb3}) rather than {@code utf8mb4}. */
final class Utf8mb3Charset implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-utf8mb3", Severity.WARNING, false,
            "utf8 (utf8mb3) stores at most three bytes a character: emoji and other characters outside the Basic"
                    + " Multilingual Plane are refused or cut, and converting the table to utf8mb4 later copies it.",
            "Declare CHARACTER SET utf8mb4 (with a utf8mb4 collation such as utf8mb4_unicode_ci) from the start.");

    private static final Pattern UTF8 = Pattern.compile("\\b(?:char(?:acter)? set|charset) ?=? ?(utf8(?:mb3)?)\\b(?!mb4)|\\bcollate ?=? ?(utf8(?:mb3)?_\\w+)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        if (ddl.kind() != Ddl.Kind.CREATE_TABLE && ddl.kind() != Ddl.Kind.ALTER_TABLE
                && ddl.text().leading("(?:create|alter) (?:database|schema)") == null) {
            return;
        }
        Matcher m = UTF8.matcher(ddl.text().masked());
        if (m.find()) {
            String what = ddl.table() == null ? "the database" : "table " + ddl.table();
            out.add(new Suspicion(RULE, ddl.statement(), ddl.table(), null, "declares " + what + " in "
                    + (m.group(1) != null ? "character set " + m.group(1) : "collation " + m.group(2)) + ", not utf8mb4",
                    Suspicion.Need.NONE, false));
        }
    }
}
