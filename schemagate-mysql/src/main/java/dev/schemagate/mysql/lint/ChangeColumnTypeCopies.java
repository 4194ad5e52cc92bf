package dev.schemagate.mysql.lint;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column's type changed by MODIFY or CHANGE in a way the server can only do by copying the table. */
final class ChangeColumnTypeCopies implements MysqlRule {

    static final Rule RULE = new Rule("lint.mysql-change-column-type", Severity.ERROR, false,
            "Changing a column's type in a way InnoDB cannot do in place copies every row into a new table (ALGORITHM=COPY):"
                    + " it takes as long as the table is big, needs its size again in free disk, and on MySQL blocks writes until it ends.",
            "Add a new column of the new type, backfill it in batches, switch readers, then drop the old column;"
                    + " or run the change with an online schema change tool (gh-ost, pt-online-schema-change).");

    private static final Pattern CHANGE = Pattern.compile("^(?:modify (?:column )?(?:if exists )?(?<modified>[\\w$]+)|change (?:column )?(?:if exists )?(?<old>[\\w$]+) (?<renamed>[\\w$]+)) (?<definition>.*)");

    private static final Pattern VARYING = Pattern.compile("(varchar|varbinary)\\((\\d+)\\)");
    private static final Pattern SETS_CHARSET = Pattern.compile("\\b(?:character set|charset|collate)\\b");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void suspect(Ddl ddl, TextTables tables, Set<String> created, List<Suspicion> out) {
        TextTables.Table table = tables.table(ddl.table());
        for (Matcher m : ddl.alterClauses(CHANGE)) {
            String column = m.group("modified") != null ? m.group("modified") : m.group("renamed");
            String type = m.group("definition").split(" ")[0];
            String before = table == null ? null : table.types.get(m.group("modified") != null ? column : m.group("old"));
            if (type.startsWith("enum") || type.startsWith("set") || before != null && (TextTables.canonicalType(type).equals(TextTables.canonicalType(before))
                    || mayKeepLengthBytes(before, type, m.group("definition")))) {
                continue;
            }
            out.add(suspicion(ddl, ddl.table(), column, "changes the type of " + ddl.spelledColumn(column)
                    + (before != null ? " from " + before : "") + " to " + type,
                    Suspicion.Need.DIALECT, created));
            return;
        }
    }

    /**
     * Whether the change only widens a {@code VARCHAR} or {@code VARBINARY}, with no character set or
     * collation written, and keeps its length bytes (one up to 255 bytes, two above) for some character
     * set of one to four bytes a character: InnoDB then does it in place or instantly, without copying
     * the table. The text does not say the column's character set, so only a widening that changes
     * the length bytes whatever it is (up to 63 characters before, 256 or more after) is known to copy;
     * any other is left to the server's evidence ({@link AlterCopiesTable} names a copy it shows).
     */
    static boolean mayKeepLengthBytes(String before, String after, String definition) {
        Matcher from = VARYING.matcher(TextTables.canonicalType(before));
        Matcher to = VARYING.matcher(TextTables.canonicalType(after));
        if (!from.matches() || !to.matches() || !from.group(1).equals(to.group(1)) || SETS_CHARSET.matcher(definition).find()) {
            return false;
        }
        long oldLength = Long.parseLong(from.group(2));
        long newLength = Long.parseLong(to.group(2));
        int widest = from.group(1).equals("varbinary") ? 1 : 4;
        for (int bytes = 1; bytes <= widest; bytes++) {
            if (newLength >= oldLength && (oldLength * bytes > 255) == (newLength * bytes > 255)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean stands(Suspicion suspicion, AlterRun run) {
        return run == null ? !suspicion.newTable() : run.copied();
    }
}
