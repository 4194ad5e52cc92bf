package dev.schemagate.junit5;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.RunCondition;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Version;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The migrations of one location in apply order, and how to move a database along them: a
 * position is the number of migrations applied, so position 0 is an empty database and the last
 * position has every migration, repeatable ones included. A migration with a run condition (a
 * Liquibase changeset's preconditions) is decided on the database when its turn comes: skipped
 * ones are neither applied nor reverted, and one that halts fails the test.
 */
final class MigrationPlan {

    private final MigrationSet set;
    private final Dialect dialect;
    private final ScriptRunner runner;
    private final Set<Migration> skipped = new HashSet<>();

    MigrationPlan(MigrationSet set, Dialect dialect) {
        this.set = set;
        this.dialect = dialect;
        this.runner = new ScriptRunner(dialect);
    }

    List<Migration> migrations() {
        return set.migrations();
    }

    Dialect dialect() {
        return dialect;
    }

    /** The position a target names: {@code latest}, {@code empty} or the version of a migration. */
    int position(String target) {
        List<Migration> migrations = set.migrations();
        if (MigrationTest.LATEST.equalsIgnoreCase(target.strip())) {
            return migrations.size();
        }
        if (MigrationTest.EMPTY.equalsIgnoreCase(target.strip())) {
            return 0;
        }
        if (!Version.isVersion(target.strip())) {
            throw new IllegalArgumentException("'" + target + "' is not a version: write latest, empty or a migration's version such as 2");
        }
        Version version = Version.parse(target.strip());
        for (int i = 0; i < migrations.size(); i++) {
            if (version.equals(migrations.get(i).version())) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no migration has version " + target + " in " + set.directory() + "; its versions are "
                + migrations.stream().filter(m -> !m.repeatable()).map(m -> m.version().text()).toList());
    }

    /** The version at a position, as people read it: {@code empty}, a version, or {@code latest} past the versioned ones. */
    String versionAt(int position) {
        if (position == 0) {
            return MigrationTest.EMPTY;
        }
        Migration last = set.migrations().get(position - 1);
        return last.repeatable() ? MigrationTest.LATEST : last.version().text();
    }

    /** Runs the up scripts that take a database from one position forward to another. */
    void apply(Connection connection, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            Migration migration = set.migrations().get(i);
            if (runs(connection, migration, set.migrations().subList(0, i))) {
                check(migration, "up", runner.run(connection, migration.up()));
            }
        }
    }

    /** Whether the migration's run condition lets it run here; a halt fails the test with what the condition said. */
    private boolean runs(Connection connection, Migration migration, List<Migration> before) {
        if (migration.condition().isEmpty()) {
            return true;
        }
        RunCondition.Decision decision = migration.condition().get().decide(connection,
                before.stream().filter(m -> !skipped.contains(m)).toList());
        if (decision.verdict() == RunCondition.Verdict.HALT) {
            throw new MigrationFailure(migration, "up", ConditionFindings.of(migration, decision));
        }
        if (decision.verdict() == RunCondition.Verdict.SKIP) {
            skipped.add(migration);
            return false;
        }
        skipped.remove(migration);
        return true;
    }

    /** Runs the down scripts that take a database from one position back to another; repeatable migrations stay. */
    void revert(Connection connection, int from, int to) throws SQLException {
        for (int i = from - 1; i >= to; i--) {
            Migration migration = set.migrations().get(i);
            if (migration.repeatable() || skipped.contains(migration)) {
                continue;
            }
            Script down = migration.down().orElseThrow(() -> new IllegalStateException(migration.displayName()
                    + " has no down script (" + migration.up().file() + "), so the database cannot be rolled back past it; "
                    + "write one, or start the test at the version you need with @StartAt"));
            check(migration, "down", runner.run(connection, down));
        }
    }

    /** A script that failed, or that holds a statement its tool's transaction refuses (the tool would fail on it), fails the test. */
    private static void check(Migration migration, String direction, ScriptOutcome outcome) {
        outcome.failure().or(outcome::refusal).ifPresent(finding -> {
            throw new MigrationFailure(migration, direction, finding);
        });
    }
}
