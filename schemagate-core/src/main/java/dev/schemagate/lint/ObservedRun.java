package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a lint plan's up scripts on a scratch database the way migration tools do (one
 * transaction per script unless a statement refuses one), seeding empty tables before each
 * migration, and keeps what the observer saw for every statement. It stops at the first statement
 * that fails and says so; the rest is judged on its text.
 */
final class ObservedRun {

    /** What the run saw, and notes (tables left empty, where it stopped). */
    record Outcome(Map<Statement, Observation> observations, List<Finding> notes) {
    }

    private final Dialect dialect;
    private final StatementObserver observer;
    private final Seeder seeder;
    private final int rows;

    ObservedRun(Dialect dialect, StatementObserver observer, Seeder seeder, int rows) {
        this.dialect = dialect;
        this.observer = observer;
        this.seeder = seeder;
        this.rows = rows;
    }

    Outcome run(LintPlan plan, ScratchDatabase database) {
        Map<Statement, Observation> observations = new HashMap<>();
        List<Finding> notes = new ArrayList<>();
        Set<String> unseeded = new LinkedHashSet<>();
        try (Connection connection = database.connect()) {
            for (LintPlan.PlannedScript script : plan.scripts()) {
                if (rows > 0) {
                    for (Seeder.Skipped skipped : seeder.seed(connection, rows)) {
                        if (unseeded.add(skipped.table())) {
                            notes.add(note(Rules.SEED_SKIPPED, script, "table " + skipped.table() + " was left empty: " + skipped.reason()));
                        }
                    }
                }
                Set<String> existing = observer.tables(connection);
                String failure = apply(connection, script, existing, observations);
                if (failure != null) {
                    notes.add(note(Rules.OBSERVATION_STOPPED, script, failure));
                    break;
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
        return new Outcome(observations, notes);
    }

    /** Runs one script; returns why it stopped, or null when every statement ran. */
    private String apply(Connection connection, LintPlan.PlannedScript script, Set<String> existing,
                         Map<Statement, Observation> observations) throws SQLException {
        boolean transaction = script.transactional();
        connection.setAutoCommit(!transaction);
        try {
            for (Statement statement : script.statements()) {
                if (statement.kind() == Statement.Kind.META_COMMAND) {
                    rollback(connection, transaction);
                    return "psql meta-command at " + statement.location() + " cannot run";
                }
                try {
                    observations.put(statement, observer.observe(connection, statement, existing,
                            () -> dialect.execute(connection, statement)));
                } catch (SQLException e) {
                    if (connection.isClosed() || !connection.isValid(5)) {
                        throw e;
                    }
                    rollback(connection, transaction);
                    return "the statement at " + statement.location() + " failed on the seeded database: "
                            + reason(e);
                }
            }
            if (transaction) {
                connection.commit();
            }
            return null;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private String reason(SQLException e) {
        String message = dialect.describe(e).message();
        return message.isEmpty() ? String.valueOf(e.getMessage()).lines().findFirst().orElse("") : message;
    }

    private static void rollback(Connection connection, boolean transaction) throws SQLException {
        if (transaction) {
            connection.rollback();
        }
    }

    private static Finding note(Rule rule, LintPlan.PlannedScript script, String message) {
        return new Finding(rule.id(), rule.severity(), dev.schemagate.migration.Location.of(script.script().file()),
                message, rule.hint(), List.of("why: " + rule.why()));
    }
}
