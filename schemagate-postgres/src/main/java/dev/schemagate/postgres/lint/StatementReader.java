package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.SqlText;
import dev.schemagate.lint.Suspicion;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.lint.SqlText.IDENT;
import static dev.schemagate.lint.SqlText.NAME;

/**
 * Reads one PostgreSQL statement into {@link Fact}s, in the order its text gives them, hands each
 * to every rule, and teaches the {@link LintMemory} what the statement did (tables created, views,
 * indexes, column types, checks, lock_timeout, transactions, enum values), each at the point the
 * rules after it must see it. It knows the grammar; the rules know what is dangerous.
 */
final class StatementReader {

    private static final String NAMES = "(" + NAME + "(?:\\s*,\\s*" + NAME + ")*)";
    private static final String HEAD = "ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + NAME + ")(?: \\*)? ";
    private static final int F = Pattern.CASE_INSENSITIVE;
    private static final Pattern PRIMARY_KEY = Pattern.compile("(?is)(CONSTRAINT \\S+ )?PRIMARY KEY.*");
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

    private final List<PostgresRule> rules;
    private final LintMemory memory;
    /** The tables the current statement names, by the name its findings print. */
    private final Map<String, TableName> named = new HashMap<>();

    StatementReader(List<PostgresRule> rules, LintMemory memory) {
        this.rules = rules;
        this.memory = memory;
    }

    /** Reads a statement: what the rules suspect in it, in order. */
    void read(LintStatement s, List<Suspicion> out) {
        named.clear();
        if (statement(s, out)) {
            emit(s, new Fact.Whole(), out);
        }
        alterTable(s, out);
    }

    /** The table the statement named so, with its schema when written; a name alone when it named none so. */
    TableName named(String name) {
        return name == null ? null : named.getOrDefault(name, new TableName(null, name));
    }

    private TableName table(String written) {
        return known(TableName.of(written));
    }

    private TableName known(TableName table) {
        if (table != null) {
            named.put(table.name(), table);
        }
        return table;
    }

    private void emit(LintStatement s, Fact fact, List<Suspicion> out) {
        rules.forEach(rule -> rule.check(s, fact, memory, out));
    }

    /** The statements other than ALTER TABLE; false when the rest of the statement is not to be read. */
    private boolean statement(LintStatement s, List<Suspicion> out) {
        SqlText text = s.text();
        Matcher m;
        if ((m = text.leading("CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY) |UNLOGGED )?TABLE (IF NOT EXISTS )?(" + NAME + ")")) != null) {
            createTable(s, table(m.group(2)), out);
        } else if ((m = text.leading("CREATE (UNIQUE )?INDEX (CONCURRENTLY )?(IF NOT EXISTS )?(" + NAME + " )?ON (?:ONLY )?(" + NAME + ")")) != null) {
            TableName table = table(m.group(5));
            if (m.group(4) != null) {
                memory.index(SqlText.tableKey(m.group(4)), table);
            }
            emit(s, new Fact.CreateIndex(table, m.group(2) != null), out);
        } else if ((m = text.leading("DROP INDEX (CONCURRENTLY )?(IF EXISTS )?" + NAMES)) != null) {
            for (String name : SqlText.splitTopLevel(m.group(3), ',')) {
                String index = SqlText.tableKey(name);
                emit(s, new Fact.DropIndex(index, known(memory.tableOfIndex(index)), m.group(1) != null), out);
            }
        } else if ((m = text.leading("DROP TABLE (IF EXISTS )?" + NAMES)) != null) {
            for (String name : SqlText.splitTopLevel(m.group(2), ',')) {
                emit(s, new Fact.DropTable(table(name)), out);
            }
        } else if ((m = text.leading("TRUNCATE (?:TABLE )?(?:ONLY )?" + NAMES)) != null) {
            for (String name : SqlText.splitTopLevel(m.group(1), ',')) {
                emit(s, new Fact.Truncate(table(name.replace("*", ""))), out);
            }
        } else if ((m = text.leading("DROP SCHEMA (IF EXISTS )?" + NAMES)) != null) {
            emit(s, new Fact.DropSchema(m.group(2)), out);
        } else if ((m = text.leading("CREATE (?:OR REPLACE )?(MATERIALIZED )?VIEW (?:IF NOT EXISTS )?(" + NAME + ")")) != null) {
            TableName view = table(m.group(2));
            memory.view(view, text.masked().substring(m.end()));
            if (m.group(1) != null) {
                memory.created(view);
            }
        } else if ((m = text.leading("DROP (?:MATERIALIZED )?VIEW (?:IF EXISTS )?" + NAMES)) != null) {
            SqlText.splitTopLevel(m.group(1), ',').forEach(v -> memory.dropView(table(v)));
        } else if (text.leading("ALTER TYPE " + NAME + " ADD VALUE ") != null && !text.literals().isEmpty()) {
            memory.enumValueAdded(text.literals().get(0));
            return false;
        } else if (text.startsWith("COPY\\b")) {
            emit(s, new Fact.Copy(SqlText.outsideParentheses(text.masked())), out);
        } else if (text.startsWith("(BEGIN|START TRANSACTION)\\b")) {
            memory.explicitTransaction(true);
            emit(s, new Fact.TransactionControl(true), out);
        } else if (text.startsWith("(COMMIT|END|ROLLBACK|ABORT)\\b")) {
            memory.explicitTransaction(false);
            emit(s, new Fact.TransactionControl(false), out);
        } else if ((m = text.leading("UPDATE (?:ONLY )?(" + NAME + ")")) != null) {
            emit(s, new Fact.Update(table(m.group(1))), out);
        } else if ((m = text.leading("REINDEX (?:\\([^)]*\\) )?(TABLE|INDEX|SCHEMA|DATABASE|SYSTEM) (CONCURRENTLY )?(" + NAME + ")?")) != null) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            String name = m.group(3) == null ? "" : SqlText.tableKey(m.group(3));
            TableName table = kind.equals("TABLE") ? table(m.group(3) == null ? "" : m.group(3))
                    : kind.equals("INDEX") ? known(memory.tableOfIndex(name)) : null;
            emit(s, new Fact.Reindex(kind, name, table, m.group(2) != null), out);
        } else if ((m = text.leading("SET (?:SESSION |LOCAL )?lock_timeout\\s*(?:=|TO)\\s*(\\S+)")) != null) {
            memory.lockTimeout(!m.group(1).matches("0|'0'|DEFAULT"));
        }
        return true;
    }

    private void createTable(LintStatement s, TableName table, List<Suspicion> out) {
        memory.created(table);
        String masked = s.text().masked();
        int open = masked.indexOf('(');
        int close = masked.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        List<String> elements = SqlText.splitTopLevel(masked.substring(open + 1, close), ',');
        String primaryKey = elements.stream().map(String::strip)
                .filter(e -> PRIMARY_KEY.matcher(e).matches()).findFirst().orElse("");
        for (String element : elements) {
            ColumnDefinition.parse(element).ifPresent(column -> {
                memory.columnType(table, column.name(), column.type());
                boolean key = primaryKey.matches("(?is).*[(,]\\s*\"?" + Pattern.quote(column.name()) + "\"?\\s*[,)].*");
                emit(s, columnType(table, column, key), out);
            });
        }
    }

    private static Fact.ColumnType columnType(TableName table, ColumnDefinition column, boolean key) {
        return new Fact.ColumnType(table, column.name(), column.type(), key || column.has("\\bPRIMARY\\s+KEY\\b|\\bREFERENCES\\b"));
    }

    private void alterTable(LintStatement s, List<Suspicion> out) {
        Matcher head = s.text().leading(HEAD);
        if (head == null) {
            return;
        }
        TableName table = table(head.group(1));
        List<String> actions = SqlText.splitTopLevel(s.text().masked().substring(head.end()), ',');
        boolean strongest = false;
        for (String raw : actions) {
            String action = raw.strip();
            strongest |= !WEAKER_LOCK.matcher(action).find();
            action(s, table, action, out);
        }
        boolean inTransaction = s.inTransaction() || memory.explicitTransaction();
        if (inTransaction && actions.stream().anyMatch(a -> !a.strip().toUpperCase(Locale.ROOT).startsWith("VALIDATE"))) {
            memory.lockedByDdl(table);
        }
        emit(s, new Fact.AlterTable(table, strongest), out);
    }

    private void action(LintStatement s, TableName table, String action, List<Suspicion> out) {
        Matcher m;
        if ((m = RENAME_TABLE.matcher(action)).find()) {
            emit(s, new Fact.RenameTable(table, SqlText.unquote(m.group(1))), out);
        } else if ((m = RENAME_COLUMN.matcher(action)).find()) {
            emit(s, new Fact.RenameColumn(table, SqlText.unquote(m.group(1)), SqlText.unquote(m.group(2))), out);
        } else if ((m = DROP_COLUMN.matcher(action)).find()) {
            emit(s, new Fact.DropColumn(table, SqlText.unquote(m.group(2)), m.group(1) != null), out);
        } else if ((m = ADD_CONSTRAINT.matcher(action)).find()) {
            String kind = m.group(1).toUpperCase();
            String rest = m.group(2);
            if (kind.equals("CHECK")) {
                Matcher notNull = NOT_NULL_CHECK.matcher(rest);
                if (notNull.find() && !rest.toUpperCase().contains("NOT VALID")) {
                    memory.notNullCheck(table, SqlText.unquote(notNull.group(1)));
                }
            }
            emit(s, new Fact.AddConstraint(table, kind, rest), out);
            Matcher name = CONSTRAINT_NAME.matcher(action);
            if (name.find() && rest.toUpperCase(Locale.ROOT).contains("NOT VALID")
                    && (s.inTransaction() || memory.explicitTransaction())) {
                memory.notValidAdded(table, SqlText.unquote(name.group(1)));
            }
        } else if ((m = VALIDATE.matcher(action)).find()) {
            emit(s, new Fact.Validate(table, SqlText.unquote(m.group(1))), out);
        } else if ((m = ADD_COLUMN.matcher(action)).find()) {
            Optional<ColumnDefinition> column = ColumnDefinition.parse(m.group(2));
            column.ifPresent(c -> memory.columnType(table, c.name(), c.type()));
            emit(s, new Fact.AddColumn(table, m.group(1) != null, column), out);
            column.ifPresent(c -> emit(s, columnType(table, c, false), out));
        } else if ((m = CHANGE_TYPE.matcher(action)).find()) {
            String column = SqlText.unquote(m.group(1));
            String newType = m.group(2).strip().toLowerCase().replaceAll("\\s+", " ").replaceAll(" collate .*$", "");
            emit(s, new Fact.ChangeType(table, column, newType, memory.columnType(table, column), m.group(3) != null), out);
            memory.columnType(table, column, newType);
            emit(s, new Fact.ColumnType(table, column, newType, false), out);
        } else if ((m = SET_NOT_NULL.matcher(action)).find()) {
            emit(s, new Fact.SetNotNull(table, SqlText.unquote(m.group(1))), out);
        }
    }
}
