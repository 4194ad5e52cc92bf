package dev.schemagate.postgres.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.observe.PostgresLocks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.schemagate.check.Severity.WARNING;
import static dev.schemagate.lint.Suspicion.Need.STRONGEST_LOCK;

/**
 * {@code lint.missing-lock-timeout}: a statement that takes a lock blocking writes with no
 * lock_timeout set before it; suspected from the text (DROP, TRUNCATE, ALTER TABLE) and found in the
 * evidence when the database shows such a lock no suspicion named.
 */
public final class MissingLockTimeout implements PostgresRule {

    public static final Rule RULE = new Rule("lint.missing-lock-timeout", WARNING, false,
            "A statement waiting for a lock that blocks writes (ACCESS EXCLUSIVE blocks reads too) queues every later query it conflicts with behind it.",
            "Run SET lock_timeout = '2s' (or SET LOCAL) before it, and retry the migration when it times out.");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        String what = null;
        String table = null;
        if (fact instanceof Fact.DropTable drop) {
            what = "DROP TABLE";
            table = drop.table().name();
        } else if (fact instanceof Fact.Truncate truncate) {
            what = "TRUNCATE";
            table = truncate.table().name();
        } else if (fact instanceof Fact.DropIndex drop && !drop.concurrently()) {
            what = "DROP INDEX " + drop.index();
            table = TableName.nameOf(drop.table());
        } else if (fact instanceof Fact.AlterTable alter && alter.strongestLock()) {
            what = "ALTER TABLE " + alter.table().name();
            table = alter.table().name();
        }
        if (what != null && !memory.lockTimeout()) {
            out.add(s.suspect(RULE, table, what + " takes an ACCESS EXCLUSIVE lock and no lock_timeout is set before it",
                    STRONGEST_LOCK));
        }
    }

    @Override
    public Optional<DialectRules.Evident> evident(Statement statement, Observation observed, Predicate<Rule> covered,
                                                  Predicate<String> inProduction) {
        List<Observation.LockHeld> locked = blockingWrites(observed).stream().filter(l -> inProduction.test(l.table())).toList();
        if (locked.isEmpty() || observed.lockTimeoutSet() || covered.test(RULE)) {
            return Optional.empty();
        }
        return Optional.of(new DialectRules.Evident(RULE, message(locked), locked.get(0).table()));
    }

    /**
     * The existing tables the statement locked in a mode that blocks writes and is not an index
     * build's (SHARE ROW EXCLUSIVE or stronger), each with its strongest such mode.
     */
    private static List<Observation.LockHeld> blockingWrites(Observation observed) {
        Map<String, Observation.LockHeld> byTable = new LinkedHashMap<>();
        observed.locks().stream()
                .filter(l -> l.strength() > PostgresLocks.strength(PostgresLocks.SHARE) && observed.existed(l.table()))
                .sorted(Comparator.comparingInt(Observation.LockHeld::strength).reversed())
                .forEach(l -> byTable.putIfAbsent(l.table(), l));
        return List.copyOf(byTable.values());
    }

    /** "takes an ACCESS EXCLUSIVE lock on orders and …", or with the modes, which block writes only, named per table. */
    private static String message(List<Observation.LockHeld> locked) {
        if (locked.stream().allMatch(l -> l.mode().equals(PostgresLocks.ACCESS_EXCLUSIVE))) {
            return "takes an ACCESS EXCLUSIVE lock on " + String.join(", ", locked.stream().map(Observation.LockHeld::table).toList())
                    + " and no lock_timeout is set";
        }
        return "takes locks that block writes (" + String.join(", ", locked.stream().map(l -> l.mode() + " on " + l.table()).toList())
                + ") and no lock_timeout is set";
    }

    @Override
    public List<String> squawk() {
        return List.of("require-timeout-settings", "require-lock-timeout");
    }
}
