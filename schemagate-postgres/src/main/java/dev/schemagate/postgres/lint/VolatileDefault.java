package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.REWRITE;

/** {@code lint.add-column-volatile-default}: a column added with a value computed per row, which rewrites the table. */
public final class VolatileDefault implements PostgresRule {

    public static final Rule RULE = new Rule("lint.add-column-volatile-default", ERROR, false,
            "A column added with a volatile default (random(), clock_timestamp(), nextval) rewrites the whole table.",
            "Add the column without a default or with a constant one, then set the default and backfill in batches.");
    private static final Pattern CALL = Pattern.compile("([\\w\"]+)\\s*\\(");
    /** Stable functions and type names with modifiers: a default using only these is computed once. */
    private static final Set<String> ONCE_PER_STATEMENT = Set.of("now", "transaction_timestamp",
            "statement_timestamp", "current_setting", "varchar", "character", "char", "numeric", "decimal",
            "varying", "timestamp", "timestamptz", "time", "timetz", "interval", "bit", "varbit");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (!(fact instanceof Fact.AddColumn add) || add.column().isEmpty()) {
            return;
        }
        ColumnDefinition column = add.column().get();
        Optional<String> defaultValue = column.defaultValue();
        boolean generated = column.has("\\bGENERATED\\b");
        boolean volatileDefault = defaultValue.map(VolatileDefault::callsVolatile).orElse(false);
        if (volatileDefault || generated || column.type().contains("serial")) {
            String what = defaultValue.map(d -> "default " + d).orElse(generated ? "a generated value" : column.type());
            out.add(s.suspect(RULE, add.table().name(), "adds column " + add.table().name() + "." + column.name() + " with "
                    + what + ", which may rewrite the table", REWRITE));
        }
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

    @Override
    public List<String> squawk() {
        return List.of("adding-field-with-default");
    }
}
