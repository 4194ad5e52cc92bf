package dev.schemagate.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.lint.SqlText.IDENT;
import static dev.schemagate.lint.SqlText.NAME;
import static dev.schemagate.lint.Suspicion.Need.ACCESS_EXCLUSIVE;
import static dev.schemagate.lint.Suspicion.Need.EXISTING_TABLE;
import static dev.schemagate.lint.Suspicion.Need.HELD_LOCK;
import static dev.schemagate.lint.Suspicion.Need.NONE;
import static dev.schemagate.lint.Suspicion.Need.REWRITE;
import static dev.schemagate.lint.Suspicion.Need.VIEW_READS_COLUMN;

/** The rules about {@code ALTER TABLE}, one action at a time. */
final class AlterTableChecks implements StatementCheck {

    private static final Pattern CALL = Pattern.compile("([\\w\"]+)\\s*\\(");
    /** Stable functions and type names with modifiers: a default using only these is computed once. */
    private static final Set<String> ONCE_PER_STATEMENT = Set.of("now", "transaction_timestamp",
            "statement_timestamp", "current_setting", "varchar", "character", "char", "numeric", "decimal",
            "varying", "timestamp", "timestamptz", "time", "timetz", "interval", "bit", "varbit");

    private static final String HEAD = "ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + NAME + ")(?: \\*)? ";
    private static final int F = Pattern.CASE_INSENSITIVE;
    private static final Pattern RENAME_TABLE = Pattern.compile("^RENAME TO (" + IDENT + ")", F);
    private static final Pattern RENAME_COLUMN = Pattern.compile("^RENAME (?:COLUMN )?(?!CONSTRAINT\\b)(" + IDENT + ") TO (" + IDENT + ")", F);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD (?:COLUMN )?(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)(IF NOT EXISTS )?(.*)$", F);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("^ADD (?:CONSTRAINT " + IDENT + " )?(PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE)\\b(.*)$", F);
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("^ADD CONSTRAINT (" + IDENT + ") ", F);
    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE CONSTRAINT (" + IDENT + ")", F);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP (?:COLUMN )?(?!CONSTRAINT\\b)(IF EXISTS )?(" + IDENT + ")", F);
    private static final Pattern CHANGE_TYPE = Pattern.compile("^ALTER (?:COLUMN )?(" + IDENT + ") (?:SET DATA )?TYPE (.*?)( USING .*)?$", F);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER (?:COLUMN )?(" + IDENT + ") SET NOT NULL$", F);
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("\\(\\s*\\(?\\s*(" + IDENT + ")\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*\\)", F);
    private static final Pattern WEAKER_LOCK = Pattern.compile(
            "^(VALIDATE CONSTRAINT|ALTER (COLUMN )?\\S+ SET STATISTICS|SET \\(|RESET \\(|CLUSTER ON|SET WITHOUT CLUSTER|"
                    + "ADD (CONSTRAINT \\S+ )?FOREIGN KEY|ATTACH PARTITION|DETACH PARTITION .* CONCURRENTLY|ENABLE|DISABLE)", F);
    private static final Pattern NARROW_TYPE = Pattern.compile(
            "^(varchar|character varying|char|character|bpchar|numeric|decimal)\\s*\\(|^(smallint|int2|integer|int4|int|real|float4|date|boolean|bool)$", F);

    @Override
    public void check(LintStatement s, LintMemory memory, List<Suspicion> out) {
        Matcher head = s.text().leading(HEAD);
        if (head == null) {
            return;
        }
        String table = SqlText.tableKey(head.group(1));
        List<String> actions = SqlText.splitTopLevel(s.text().masked().substring(head.end()), ',');
        boolean accessExclusive = false;
        for (String raw : actions) {
            String action = raw.strip();
            accessExclusive |= !WEAKER_LOCK.matcher(action).find();
            action(s, memory, table, action, out);
        }
        boolean inTransaction = s.inTransaction() || memory.explicitTransaction();
        if (inTransaction && actions.stream().anyMatch(a -> !a.strip().toUpperCase(java.util.Locale.ROOT).startsWith("VALIDATE"))) {
            memory.lockedByDdl(table);
        }
        if (accessExclusive && !memory.lockTimeout()) {
            out.add(s.suspect(Rules.LOCK_TIMEOUT, table, "ALTER TABLE " + table
                    + " takes an ACCESS EXCLUSIVE lock and no lock_timeout is set before it", ACCESS_EXCLUSIVE));
        }
    }

    private static void action(LintStatement s, LintMemory memory, String table, String action, List<Suspicion> out) {
        Matcher m;
        if ((m = RENAME_TABLE.matcher(action)).find()) {
            out.add(s.suspect(Rules.RENAME_TABLE, table, "renames table " + table + " to " + SqlText.unquote(m.group(1)), EXISTING_TABLE));
        } else if ((m = RENAME_COLUMN.matcher(action)).find()) {
            String column = SqlText.unquote(m.group(1));
            out.add(s.suspect(Rules.RENAME_COLUMN, table, "renames column " + table + "." + column + " to "
                    + SqlText.unquote(m.group(2)), EXISTING_TABLE));
            readByView(s, memory, table, column, "renames", out);
        } else if ((m = DROP_COLUMN.matcher(action)).find()) {
            String column = SqlText.unquote(m.group(2));
            out.add(s.suspect(Rules.DROP_COLUMN, table, "drops column " + table + "." + column + " and its values", EXISTING_TABLE));
            readByView(s, memory, table, column, "drops", out);
            if (m.group(1) == null) {
                out.add(s.suspect(Rules.DROP_IF_EXISTS, table, "DROP COLUMN " + column + " has no IF EXISTS", NONE));
            }
        } else if ((m = ADD_CONSTRAINT.matcher(action)).find()) {
            constraint(s, memory, table, m.group(1).toUpperCase(), m.group(2), out);
            Matcher name = CONSTRAINT_NAME.matcher(action);
            if (name.find() && m.group(2).toUpperCase(Locale.ROOT).contains("NOT VALID")
                    && (s.inTransaction() || memory.explicitTransaction())) {
                memory.notValidAdded(table, SqlText.unquote(name.group(1)));
            }
        } else if ((m = VALIDATE.matcher(action)).find()) {
            String constraint = SqlText.unquote(m.group(1));
            if (memory.addedNotValidHere(table, constraint)) {
                out.add(s.suspect(Rules.VALIDATE_IN_SAME_TRANSACTION, table, "validates constraint " + constraint
                        + " in the transaction that added it NOT VALID, so the scan runs under the lock the ADD still holds",
                        HELD_LOCK));
            }
        } else if ((m = ADD_COLUMN.matcher(action)).find()) {
            if (m.group(1) == null) {
                out.add(s.suspect(Rules.CREATE_IF_NOT_EXISTS, table, "ADD COLUMN has no IF NOT EXISTS", NONE));
            }
            ColumnDefinition.parse(m.group(2)).ifPresent(c -> addColumn(s, memory, table, c, out));
        } else if ((m = CHANGE_TYPE.matcher(action)).find()) {
            changeType(s, memory, table, SqlText.unquote(m.group(1)), m.group(2).strip(), m.group(3) != null, out);
        } else if ((m = SET_NOT_NULL.matcher(action)).find()) {
            String column = SqlText.unquote(m.group(1));
            if (!memory.hasNotNullCheck(table, column)) {
                out.add(s.suspect(Rules.SET_NOT_NULL, table, "SET NOT NULL on " + table + "." + column
                        + " scans the table with no validated CHECK (" + column + " IS NOT NULL) to prove it", EXISTING_TABLE));
            }
        }
    }

    private static void readByView(LintStatement s, LintMemory memory, String table, String column, String verb,
                                   List<Suspicion> out) {
        String view = memory.viewReading(table, column);
        if (view != null) {
            out.add(s.suspect(Rules.COLUMN_USED_BY_VIEW, table, column, verb + " column " + table + "." + column
                    + ", which view " + view + " still reads", VIEW_READS_COLUMN));
        }
    }

    private static void constraint(LintStatement s, LintMemory memory, String table, String kind, String rest,
                                   List<Suspicion> out) {
        boolean notValid = rest.toUpperCase().contains("NOT VALID");
        if (kind.equals("CHECK")) {
            Matcher notNull = NOT_NULL_CHECK.matcher(rest);
            if (notNull.find() && !notValid) {
                memory.notNullCheck(table, SqlText.unquote(notNull.group(1)));
            }
            if (!notValid) {
                out.add(s.suspect(Rules.CHECK_VALIDATED, table, "adds a CHECK constraint to " + table
                        + " without NOT VALID, scanning every row under lock", EXISTING_TABLE));
            }
        } else if (kind.equals("FOREIGN KEY") && !notValid) {
            out.add(s.suspect(Rules.FOREIGN_KEY_VALIDATED, table, "adds a foreign key to " + table
                    + " without NOT VALID, scanning every row under lock", EXISTING_TABLE));
        } else if ((kind.equals("UNIQUE") || kind.equals("PRIMARY KEY")) && !rest.toUpperCase().contains("USING INDEX")) {
            out.add(s.suspect(Rules.UNIQUE_IN_PLACE, table, "adds a " + kind + " constraint to " + table
                    + ", building its index in place under lock", EXISTING_TABLE));
        }
    }

    private static void addColumn(LintStatement s, LintMemory memory, String table, ColumnDefinition column,
                                  List<Suspicion> out) {
        memory.columnType(table, column.name(), column.type());
        Optional<String> defaultValue = column.defaultValue();
        boolean generated = column.has("\\bGENERATED\\b");
        if (column.has("\\bNOT\\s+NULL\\b|\\bPRIMARY\\s+KEY\\b") && defaultValue.isEmpty() && !generated
                && !column.type().contains("serial")) {
            out.add(s.suspect(Rules.ADD_REQUIRED_COLUMN, table, "adds NOT NULL column " + table + "." + column.name()
                    + " without a default", EXISTING_TABLE));
        }
        boolean volatileDefault = defaultValue.map(AlterTableChecks::callsVolatile).orElse(false);
        if (volatileDefault || generated || column.type().contains("serial")) {
            String what = defaultValue.map(d -> "default " + d).orElse(generated ? "a generated value" : column.type());
            out.add(s.suspect(Rules.VOLATILE_DEFAULT, table, "adds column " + table + "." + column.name() + " with "
                    + what + ", which may rewrite the table", REWRITE));
        }
        PreferenceChecks.column(s, table, column, false, out);
    }

    /**
     * Whether a default expression calls a function that may be volatile. A call to a function
     * PostgreSQL evaluates once for the whole statement ({@code now()} and its kin are stable), or a
     * type modifier such as {@code varchar(20)}, does not make the table rewrite.
     */
    static boolean callsVolatile(String expression) {
        Matcher call = CALL.matcher(expression);
        while (call.find()) {
            if (!ONCE_PER_STATEMENT.contains(call.group(1).replace("\"", "").toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void changeType(LintStatement s, LintMemory memory, String table, String column, String type,
                                   boolean using, List<Suspicion> out) {
        String newType = type.toLowerCase().replaceAll("\\s+", " ").replaceAll(" collate .*$", "");
        String oldType = memory.columnType(table, column);
        out.add(s.suspect(Rules.CHANGE_TYPE, table, "changes the type of " + table + "." + column + " to " + newType
                + (oldType == null ? "" : " (was " + oldType + ")") + ", which may rewrite the table", REWRITE));
        if (using || (NARROW_TYPE.matcher(newType).find() && !TypeWidening.widens(oldType, newType))) {
            out.add(s.suspect(Rules.LOSSY_TYPE_CHANGE, table, "changes " + table + "." + column + " to " + newType
                    + (oldType == null ? "" : " (was " + oldType + ")") + (using ? " with a USING conversion" : "")
                    + ", which can cut or refuse existing values", using ? EXISTING_TABLE : REWRITE));
        }
        memory.columnType(table, column, newType);
        PreferenceChecks.type(s, table, column, newType, false, out);
    }
}
