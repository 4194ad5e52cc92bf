package dev.schemagate.lint;

import dev.schemagate.check.Severity;

import java.util.List;
import java.util.Optional;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.check.Severity.INFO;
import static dev.schemagate.check.Severity.WARNING;

/** The catalog of lint rules: every rule the linter knows, with its default severity and advice. */
public final class Rules {

    public static final Rule DROP_SCHEMA = rule("lint.drop-schema", ERROR,
            "Dropping a schema deletes every table and row in it.",
            "Keep the schema until nothing uses it, back up its data, then drop it in a migration of its own.");
    public static final Rule DROP_TABLE = rule("lint.drop-table", ERROR,
            "Dropping a table deletes its rows, and code still deployed that reads it fails.",
            "Stop using the table in a release first; rename it or back it up, then drop it later.");
    public static final Rule DROP_COLUMN = rule("lint.drop-column", ERROR,
            "Dropping a column deletes its values, and code still deployed that reads or writes it fails.",
            "Stop reading and writing the column in a release first, then drop it in a later migration.");
    public static final Rule TRUNCATE = rule("lint.truncate", ERROR,
            "TRUNCATE deletes every row of the table under an ACCESS EXCLUSIVE lock.",
            "Delete in small batches in a data job, or keep the rows.");
    public static final Rule COPY_PROGRAM = rule("lint.copy-program", ERROR,
            "COPY ... TO or FROM PROGRAM runs a shell command on the database server's host, as the operating-system"
                    + " user of the server: whoever can change a migration gets a shell there.",
            "Move data with COPY ... FROM STDIN or TO STDOUT (psql's \\copy) in a deployment step, or write the rows as INSERT statements.");
    public static final Rule LOSSY_TYPE_CHANGE = rule("lint.lossy-type-change", ERROR,
            "A narrower column type (a length limit, a smaller number, a USING cast) can cut or refuse existing values.",
            "Add a new column of the new type, backfill it in batches with checked conversion, switch readers, then drop the old one.");
    public static final Rule RENAME_TABLE = rule("lint.rename-table", ERROR,
            "Code still deployed uses the old table name and fails as soon as the rename commits.",
            "Create the new table (or a view under the new name), move code over in a release, then drop the old name.");
    public static final Rule RENAME_COLUMN = rule("lint.rename-column", ERROR,
            "Code still deployed uses the old column name and fails as soon as the rename commits.",
            "Add the new column, write both, backfill, move readers over in a release, then drop the old column.");
    public static final Rule COLUMN_USED_BY_VIEW = rule("lint.column-used-by-view", ERROR,
            "A view still reads this column: dropping it fails or takes the view with it (CASCADE), renaming it breaks the view's readers.",
            "Recreate the view without the column first, in its own migration, then drop or rename the column.");
    public static final Rule ADD_REQUIRED_COLUMN = rule("lint.add-not-null-column-without-default", ERROR,
            "A NOT NULL column without a default fails on a table with rows, and inserts from code still deployed fail.",
            "Add the column nullable or with a constant default; backfill; then add a NOT VALID check, validate it, and SET NOT NULL.");
    public static final Rule ADD_INDEX = rule("lint.add-index-non-concurrently", ERROR,
            "CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.",
            "Use CREATE INDEX CONCURRENTLY, alone in a migration that runs outside a transaction.");
    public static final Rule DROP_INDEX = rule("lint.drop-index-non-concurrently", WARNING,
            "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table, queueing every query behind it.",
            "Use DROP INDEX CONCURRENTLY, alone in a migration that runs outside a transaction.");
    public static final Rule CONCURRENTLY_IN_TRANSACTION = rule("lint.concurrently-in-transaction", ERROR,
            "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block; the migration tool's transaction makes it fail.",
            "Put the statement alone in its own migration and mark that migration to run outside a transaction.");
    public static final Rule FOREIGN_KEY_VALIDATED = rule("lint.add-foreign-key-without-not-valid", ERROR,
            "Adding a foreign key scans the whole table while holding locks on both tables.",
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate migration (it takes a weaker lock).");
    public static final Rule CHECK_VALIDATED = rule("lint.add-check-without-not-valid", ERROR,
            "Adding a CHECK constraint scans the whole table under an ACCESS EXCLUSIVE lock.",
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate migration (it takes a weaker lock).");
    public static final Rule SET_NOT_NULL = rule("lint.set-not-null", ERROR,
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) proves it.",
            "Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in another migration, then SET NOT NULL and drop the check.");
    public static final Rule UNIQUE_IN_PLACE = rule("lint.add-unique-constraint", ERROR,
            "Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking every write and read of the table.",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX.");
    public static final Rule CHANGE_TYPE = rule("lint.change-column-type", ERROR,
            "Changing a column's type usually rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.",
            "Add a new column, backfill it in batches, switch readers, then drop the old column.");
    public static final Rule VOLATILE_DEFAULT = rule("lint.add-column-volatile-default", ERROR,
            "A column added with a volatile default (random(), clock_timestamp(), nextval) rewrites the whole table.",
            "Add the column without a default or with a constant one, then set the default and backfill in batches.");
    public static final Rule TABLE_REWRITE = rule("lint.table-rewrite", ERROR,
            "The statement rewrote the whole table, holding an ACCESS EXCLUSIVE lock for as long as the copy takes.",
            "Find a form of the change that does not rewrite (see the rule pages), or run it in a maintenance window.");
    public static final Rule LOCK_TIMEOUT = rule("lint.missing-lock-timeout", WARNING,
            "A statement waiting for a lock that blocks writes (ACCESS EXCLUSIVE blocks reads too) queues every later query it conflicts with behind it.",
            "Run SET lock_timeout = '2s' (or SET LOCAL) before it, and retry the migration when it times out.");
    public static final Rule DROP_IF_EXISTS = optIn("lint.drop-without-if-exists", WARNING,
            "A DROP without IF EXISTS fails when the object is already gone, so a half-applied migration cannot be re-run.",
            "Write DROP ... IF EXISTS.");
    public static final Rule CREATE_IF_NOT_EXISTS = optIn("lint.create-without-if-not-exists", WARNING,
            "A CREATE without IF NOT EXISTS fails when the object is already there, so a half-applied migration cannot be re-run.",
            "Write CREATE ... IF NOT EXISTS.");
    public static final Rule TRANSACTION_CONTROL = rule("lint.transaction-control", WARNING,
            "BEGIN, COMMIT or ROLLBACK inside a migration fights the migration tool's own transaction handling.",
            "Remove them and let the tool run the migration in its transaction (or mark it non-transactional).");
    public static final Rule ENUM_VALUE_IN_TRANSACTION = rule("lint.enum-value-used-in-transaction", ERROR,
            "A value added with ALTER TYPE ... ADD VALUE cannot be used before its transaction commits.",
            "Add the enum value in one migration and use it in a later one.");
    public static final Rule FILE_NAME = rule("lint.file-name", ERROR,
            "The file name does not follow the team's naming convention.",
            "Rename the file to match the convention set in schemagate.yml (naming.pattern).");
    public static final Rule SPACE_IN_NAME = rule("lint.space-in-name", WARNING,
            "Spaces in migration file names break shell scripts and some migration tools.",
            "Use underscores instead of spaces.");
    public static final Rule VERSION_ORDER = rule("lint.version-order", WARNING,
            "File names sort differently from versions, so anything that applies files in name order runs them out of order.",
            "Pad versions with zeros to one width (0001_, 0002_, ..., 0010_).");
    public static final Rule IGNORE_WITHOUT_REASON = rule("lint.ignore-without-reason", WARNING,
            "An ignore annotation without a reason hides a finding with nothing for reviewers to judge.",
            "Write the reason after the rule id: -- schemagate:ignore lint.drop-column column unused since v2.3");
    public static final Rule VERSION_GAP = optIn("lint.version-gap", WARNING,
            "The team numbers migrations sequentially and a number is missing, often a sign of a lost or renumbered file.",
            "Renumber the migrations so that the versions follow each other.");
    public static final Rule MISSING_DOWN = optIn("lint.missing-down", WARNING,
            "The migration has no rollback, so it cannot be reverted if the deploy goes wrong.",
            "Add the down script that reverts it.");
    public static final Rule PREFER_BIGINT = optIn("lint.prefer-bigint-keys", WARNING,
            "A 32-bit key runs out at 2,147,483,647 and changing it later rewrites the table and every referencing one.",
            "Use bigint (or bigint identity) for keys.");
    public static final Rule PREFER_IDENTITY = optIn("lint.prefer-identity", WARNING,
            "serial creates a sequence owned loosely by the column, with surprising permissions and dump behaviour.",
            "Use GENERATED ALWAYS AS IDENTITY (or BY DEFAULT).");
    public static final Rule PREFER_TEXT = optIn("lint.prefer-text", WARNING,
            "varchar(n) gains nothing over text in PostgreSQL, and changing the limit later may need a table rewrite.",
            "Use text, with a CHECK (length(col) <= n) if the limit matters.");
    public static final Rule PREFER_TIMESTAMPTZ = optIn("lint.prefer-timestamptz", WARNING,
            "timestamp without time zone loses the zone, and values are read in whatever zone the session has.",
            "Use timestamptz.");
    public static final Rule VALIDATE_IN_SAME_TRANSACTION = rule("lint.validate-in-same-transaction", ERROR,
            "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans the table while the lock"
                    + " of the ADD CONSTRAINT is still held (ACCESS EXCLUSIVE for a CHECK), so NOT VALID protects nothing.",
            "Add the constraint NOT VALID in one migration and VALIDATE it in the next, so the validating scan runs under"
                    + " the weaker SHARE UPDATE EXCLUSIVE lock.");
    public static final Rule BACKFILL_IN_DDL_TRANSACTION = rule("lint.backfill-in-ddl-transaction", ERROR,
            "An UPDATE after DDL on the same table in one transaction rewrites every row while the DDL's lock, held"
                    + " until commit, blocks every read and write of the table.",
            "Commit the DDL first (its own migration), then backfill in batches in a later one.");
    public static final Rule REINDEX = rule("lint.reindex-non-concurrently", ERROR,
            "REINDEX without CONCURRENTLY blocks writes to the table (and reads that use the index) until every index is rebuilt.",
            "Use REINDEX ... CONCURRENTLY, alone in a migration that runs outside a transaction.");
    public static final Rule OBSERVATION_STOPPED = new Rule("lint.observation-stopped", WARNING, false,
            "A statement failed on the scratch database, so it and the statements after it were judged on their text alone.",
            "Run 'schemagate verify' to see why it fails; a migration that fails on a scratch database fails in production too.");
    public static final Rule FAILS_ON_SEEDED_ROWS = new Rule("lint.fails-on-seeded-rows", WARNING, false,
            "A statement failed once the tables held rows, so the migration may fail on a database that holds data;"
                    + " the migration was run again without the sample rows and the lint went on.",
            "Make the statement accept every value its columns allow (the sample rows are synthetic, so check the"
                    + " values your tables really hold), or ignore this with the reason it cannot happen.");
    public static final Rule SEED_SKIPPED = new Rule("lint.seed-skipped", INFO, false,
            "A table could not be filled with sample rows, so locks and rewrites on it were observed on an empty table.",
            "Nothing to do in the migration; the evidence for this table is weaker.");

    private static final List<Rule> ALL = List.of(DROP_SCHEMA, DROP_TABLE, DROP_COLUMN, TRUNCATE, COPY_PROGRAM, LOSSY_TYPE_CHANGE,
            RENAME_TABLE, RENAME_COLUMN, COLUMN_USED_BY_VIEW, ADD_REQUIRED_COLUMN, ADD_INDEX, DROP_INDEX,
            CONCURRENTLY_IN_TRANSACTION, FOREIGN_KEY_VALIDATED, CHECK_VALIDATED, SET_NOT_NULL, UNIQUE_IN_PLACE,
            CHANGE_TYPE, VOLATILE_DEFAULT, TABLE_REWRITE, LOCK_TIMEOUT, DROP_IF_EXISTS, CREATE_IF_NOT_EXISTS,
            TRANSACTION_CONTROL, ENUM_VALUE_IN_TRANSACTION, FILE_NAME, SPACE_IN_NAME, VERSION_ORDER, IGNORE_WITHOUT_REASON,
            VERSION_GAP, MISSING_DOWN, VALIDATE_IN_SAME_TRANSACTION, BACKFILL_IN_DDL_TRANSACTION, REINDEX,
            PREFER_BIGINT, PREFER_IDENTITY, PREFER_TEXT, PREFER_TIMESTAMPTZ, OBSERVATION_STOPPED,
            FAILS_ON_SEEDED_ROWS, SEED_SKIPPED);

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /** A rule of the core's, or of a dialect's on the class path ({@link DialectRules}). */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst()
                .or(() -> DialectRules.all().stream().flatMap(rules -> rules.rules().stream())
                        .filter(r -> r.id().equals(id)).findFirst());
    }

    private static Rule rule(String id, Severity severity, String why, String hint) {
        return new Rule(id, severity, false, why, hint);
    }

    private static Rule optIn(String id, Severity severity, String why, String hint) {
        return new Rule(id, severity, true, why, hint);
    }
}
