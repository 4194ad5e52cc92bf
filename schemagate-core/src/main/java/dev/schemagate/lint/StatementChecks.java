package dev.schemagate.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.lint.SqlText.NAME;
import static dev.schemagate.lint.Suspicion.Need.ACCESS_EXCLUSIVE;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;
import static dev.schemagate.lint.Suspicion.Need.HELD_LOCK;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/**
 * The rules about statements other than {@code ALTER TABLE}: drops, truncates, COPY PROGRAM, indexes,
 * transaction control, enum values, IF [NOT] EXISTS; and what those statements teach the memory
 * (tables created, views, indexes, lock_timeout).
 */
final class StatementChecks implements StatementCheck {

    private static final Pattern PROGRAM = Pattern.compile("(?i)\\b(TO|FROM)\\s+PROGRAM\\b");
    private static final String NAMES = "(" + NAME + "(?:\\s*,\\s*" + NAME + ")*)";

    @Override
    public void check(LintStatement s, LintMemory memory, List<Suspicion> out) {
        SqlText text = s.text();
        Matcher m;
        if ((m = text.leading("CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY) |UNLOGGED )?TABLE (IF NOT EXISTS )?(" + NAME + ")")) != null) {
            createTable(s, memory, SqlText.tableKey(m.group(2)), m.group(1) != null, out);
        } else if ((m = text.leading("CREATE (UNIQUE )?INDEX (CONCURRENTLY )?(IF NOT EXISTS )?(" + NAME + " )?ON (?:ONLY )?(" + NAME + ")")) != null) {
            createIndex(s, memory, m, out);
        } else if ((m = text.leading("DROP INDEX (CONCURRENTLY )?(IF EXISTS )?" + NAMES)) != null) {
            dropIndex(s, memory, m, out);
        } else if ((m = text.leading("DROP TABLE (IF EXISTS )?" + NAMES)) != null) {
            for (String name : SqlText.splitTopLevel(m.group(2), ',')) {
                String table = SqlText.tableKey(name);
                out.add(s.suspect(Rules.DROP_TABLE, table, "drops table " + table + " and all its rows", EXISTING_TABLE));
                lockTimeout(s, memory, table, "DROP TABLE", out);
            }
        } else if ((m = text.leading("TRUNCATE (?:TABLE )?(?:ONLY )?" + NAMES)) != null) {
            for (String name : SqlText.splitTopLevel(m.group(1), ',')) {
                String table = SqlText.tableKey(name.replace("*", ""));
                out.add(s.suspect(Rules.TRUNCATE, table, "truncates table " + table + ", deleting every row", EXISTING_TABLE));
                lockTimeout(s, memory, table, "TRUNCATE", out);
            }
        } else if ((m = text.leading("DROP SCHEMA (IF EXISTS )?" + NAMES)) != null) {
            out.add(s.suspect(Rules.DROP_SCHEMA, null, "drops schema " + m.group(2).strip() + " and everything in it", NONE));
        } else if ((m = text.leading("CREATE (?:OR REPLACE )?(MATERIALIZED )?VIEW (?:IF NOT EXISTS )?(" + NAME + ")")) != null) {
            String view = SqlText.tableKey(m.group(2));
            memory.view(view, text.masked().substring(m.end()));
            if (m.group(1) != null) {
                memory.created(view);
            }
        } else if ((m = text.leading("DROP (?:MATERIALIZED )?VIEW (?:IF EXISTS )?" + NAMES)) != null) {
            SqlText.splitTopLevel(m.group(1), ',').forEach(v -> memory.dropView(SqlText.tableKey(v)));
        } else if ((m = text.leading("ALTER TYPE " + NAME + " ADD VALUE ")) != null && !text.literals().isEmpty()) {
            memory.enumValueAdded(text.literals().get(0));
            return;
        } else if (text.startsWith("COPY\\b") && PROGRAM.matcher(SqlText.outsideParentheses(text.masked())).find()) {
            out.add(s.suspect(Rules.COPY_PROGRAM, null, "runs a program on the database server's host", NONE));
        } else if (text.startsWith("(BEGIN|START TRANSACTION)\\b")) {
            memory.explicitTransaction(true);
            out.add(s.suspect(Rules.TRANSACTION_CONTROL, null, "opens a transaction inside the migration", NONE));
        } else if (text.startsWith("(COMMIT|END|ROLLBACK|ABORT)\\b")) {
            memory.explicitTransaction(false);
            out.add(s.suspect(Rules.TRANSACTION_CONTROL, null, "ends a transaction inside the migration", NONE));
        } else if ((m = text.leading("UPDATE (?:ONLY )?(" + NAME + ")")) != null) {
            String table = SqlText.tableKey(m.group(1));
            if (memory.isLockedByDdl(table)) {
                out.add(s.suspect(Rules.BACKFILL_IN_DDL_TRANSACTION, table, "updates rows of " + table
                        + " in the transaction whose DDL still locks it, blocking every read and write until commit", HELD_LOCK));
            }
        } else if ((m = text.leading("REINDEX (?:\\([^)]*\\) )?(TABLE|INDEX|SCHEMA|DATABASE|SYSTEM) (CONCURRENTLY )?(" + NAME + ")?")) != null) {
            if (m.group(2) == null) {
                String kind = m.group(1).toUpperCase(java.util.Locale.ROOT);
                String name = m.group(3) == null ? "" : SqlText.tableKey(m.group(3));
                String table = kind.equals("TABLE") ? name : kind.equals("INDEX") ? memory.tableOfIndex(name) : null;
                out.add(s.suspect(Rules.REINDEX, table, "REINDEX " + kind + (name.isEmpty() ? "" : " " + name)
                        + " without CONCURRENTLY blocks writes until the indexes are rebuilt",
                        table == null ? NONE : EXISTING_TABLE));
            }
        } else if ((m = text.leading("SET (?:SESSION |LOCAL )?lock_timeout\\s*(?:=|TO)\\s*(\\S+)")) != null) {
            memory.lockTimeout(!m.group(1).matches("0|'0'|DEFAULT"));
        }
        robustness(s, out);
        if (memory.enumValueAdded(text.literals()) && (s.inTransaction() || memory.explicitTransaction())) {
            out.add(s.suspect(Rules.ENUM_VALUE_IN_TRANSACTION, null,
                    "uses an enum value added earlier in the same transaction", NONE));
        }
    }

    private static void createTable(LintStatement s, LintMemory memory, String table, boolean ifNotExists,
                                    List<Suspicion> out) {
        memory.created(table);
        String masked = s.text().masked();
        int open = masked.indexOf('(');
        int close = masked.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        List<String> elements = SqlText.splitTopLevel(masked.substring(open + 1, close), ',');
        String primaryKey = elements.stream().map(String::strip)
                .filter(e -> e.matches("(?is)(CONSTRAINT \\S+ )?PRIMARY KEY.*")).findFirst().orElse("");
        for (String element : elements) {
            ColumnDefinition.parse(element).ifPresent(column -> {
                memory.columnType(table, column.name(), column.type());
                boolean key = primaryKey.matches("(?is).*[(,]\\s*\"?" + java.util.regex.Pattern.quote(column.name()) + "\"?\\s*[,)].*");
                PreferenceChecks.column(s, table, column, key, out);
            });
        }
    }

    private static void createIndex(LintStatement s, LintMemory memory, Matcher m, List<Suspicion> out) {
        String table = SqlText.tableKey(m.group(5));
        if (m.group(4) != null) {
            memory.index(SqlText.tableKey(m.group(4)), table);
        }
        if (m.group(2) == null) {
            out.add(s.suspect(Rules.ADD_INDEX, table, "creates an index on " + table
                    + " without CONCURRENTLY, blocking writes while it builds", EXISTING_TABLE));
        } else {
            concurrently(s, memory, table, out);
        }
    }

    private static void dropIndex(LintStatement s, LintMemory memory, Matcher m, List<Suspicion> out) {
        for (String name : SqlText.splitTopLevel(m.group(3), ',')) {
            String index = SqlText.tableKey(name);
            String table = memory.tableOfIndex(index);
            if (m.group(1) == null) {
                out.add(s.suspect(Rules.DROP_INDEX, table, "drops index " + index + " without CONCURRENTLY", EXISTING_TABLE));
                lockTimeout(s, memory, table, "DROP INDEX " + index, out);
            } else {
                concurrently(s, memory, table, out);
            }
        }
    }

    private static void concurrently(LintStatement s, LintMemory memory, String table, List<Suspicion> out) {
        boolean wrapped = memory.explicitTransaction() || s.inTransaction();
        if (wrapped) {
            out.add(s.suspect(Rules.CONCURRENTLY_IN_TRANSACTION, table,
                    "runs CONCURRENTLY where the migration tool wraps it in a transaction", NONE));
        }
    }

    private static void lockTimeout(LintStatement s, LintMemory memory, String table, String what, List<Suspicion> out) {
        if (!memory.lockTimeout()) {
            out.add(s.suspect(Rules.LOCK_TIMEOUT, table, what + " takes an ACCESS EXCLUSIVE lock and no lock_timeout is set before it",
                    ACCESS_EXCLUSIVE));
        }
    }

    private static void robustness(LintStatement s, List<Suspicion> out) {
        Matcher m = s.text().leading("DROP ((?:MATERIALIZED )?\\w+)\\b(?! IF EXISTS)");
        if (m != null && !s.text().startsWith("DROP \\w+ (CONCURRENTLY )?IF EXISTS")
                && !s.text().startsWith("DROP (OWNED|ROLE|USER)")) {
            out.add(s.suspect(Rules.DROP_IF_EXISTS, null, "DROP " + m.group(1).toUpperCase() + " has no IF EXISTS", NONE));
        }
        m = s.text().leading("CREATE (?:UNIQUE )?((?:MATERIALIZED )?(?:TABLE|INDEX|SCHEMA|SEQUENCE|EXTENSION|VIEW))\\b");
        if (m != null && !s.text().contains("^CREATE [\\w ]*?IF NOT EXISTS") && !m.group(1).equalsIgnoreCase("VIEW")) {
            out.add(s.suspect(Rules.CREATE_IF_NOT_EXISTS, null, "CREATE " + m.group(1).toUpperCase() + " has no IF NOT EXISTS", NONE));
        }
    }
}
