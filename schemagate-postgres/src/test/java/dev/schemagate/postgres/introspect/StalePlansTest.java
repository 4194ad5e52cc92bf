package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.schemagate.postgres.introspect.RoundTrip.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan the server keeps for a prepared statement is made again once the connection's schema has
 * doubled: a scratch database's catalogs grow along a history, and a plan made for a few relations
 * would otherwise be kept for the connection's life.
 */
class StalePlansTest {

    private static final Pattern TOTAL_COST = Pattern.compile("cost=[0-9.]+\\.\\.([0-9.]+)");

    @Test
    void aMarkAfterTheSchemaDoubledMakesTheConnectionPlanItsStatementsAgain() throws SQLException {
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            ChangeTracker tracker = new ChangeTracker();
            execute(connection, "CREATE TABLE first (id int)");
            tracker.mark(connection);
            double planned = plannedOnce(connection);
            for (int i = 0; i < 70; i++) {
                execute(connection, "CREATE TABLE grown_" + i + " (id int, name text, note text, created timestamptz)");
            }
            assertThat(cost(connection)).as("the plan made for one table, kept").isEqualTo(planned);

            tracker.mark(connection);

            assertThat(cost(connection)).as("the plan made again for 71 tables").isGreaterThan(planned);
        }
    }

    @Test
    void aMarkBeforeTheSchemaDoubledKeepsThePlans() throws SQLException {
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            ChangeTracker tracker = new ChangeTracker();
            for (int i = 0; i < 40; i++) {
                execute(connection, "CREATE TABLE kept_" + i + " (id int)");
            }
            tracker.mark(connection);
            double planned = plannedOnce(connection);
            for (int i = 0; i < 30; i++) {
                execute(connection, "CREATE TABLE more_" + i + " (id int, name text, note text, created timestamptz)");
            }

            tracker.mark(connection);

            assertThat(cost(connection)).isEqualTo(planned);
        }
    }

    /**
     * Prepares a statement whose cost follows the size of {@code pg_attribute} and runs it until the server
     * keeps one plan for it; that plan's estimated cost.
     */
    private static double plannedOnce(Connection connection) throws SQLException {
        execute(connection, "PREPARE sized(int) AS SELECT count(*) FROM pg_catalog.pg_attribute WHERE attnum > $1");
        for (int i = 0; i < 6; i++) {
            execute(connection, "EXECUTE sized(" + i + ")");
        }
        return cost(connection);
    }

    /** The estimated total cost of the plan the server uses for the prepared statement now. */
    private static double cost(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN EXECUTE sized(0)")) {
            plan.next();
            Matcher cost = TOTAL_COST.matcher(plan.getString(1));
            assertThat(cost.find()).as(plan.getString(1)).isTrue();
            return Double.parseDouble(cost.group(1));
        }
    }
}
