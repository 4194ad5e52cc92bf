package dev.schemagate.postgres.data;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sample values are consistent the way the application's are: text keys of different tables do not
 * collide (tokens an application generates never do), and text a migration casts to another type is
 * re-seeded as values of that type, while a cast that no value survives is left to fail.
 */
class ConsistentSampleValuesTest {

    private Fixture fixture;

    @AfterEach
    void drop() throws SQLException {
        fixture.close();
    }

    @Test
    void textKeysOfDifferentTablesDoNotCollide() throws SQLException {
        fixture = new Fixture("CREATE TABLE logins (challenge text PRIMARY KEY);"
                + " CREATE TABLE consents (challenge varchar(40) PRIMARY KEY);");
        seed(1_000);

        assertThat(fixture.number("SELECT count(*) FROM logins JOIN consents USING (challenge)")).isZero();
        fixture.execute("CREATE TABLE flows AS SELECT challenge FROM logins UNION ALL SELECT challenge FROM consents;"
                + " CREATE UNIQUE INDEX flows_challenge ON flows (challenge);");
    }

    @Test
    void textCastToJsonbIsReseededAsJsonAndTheCastThenRuns() throws SQLException {
        fixture = new Fixture("CREATE TABLE requests (id int PRIMARY KEY, context text, subject text);");
        Snapshot snapshot = seed(20);
        String cast = "SELECT id, cast(coalesce(requests.context, '{}') as jsonb) FROM requests";
        FailedStatement failure = failure(cast);

        assertThat(failure.message()).isEqualTo("invalid input syntax for type json");
        assertThat(CastReseeding.reseed(fixture.connection, snapshot, failure)).isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM (" + cast + ") t")).isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM requests WHERE subject ~ '^[a-z]+$'"))
                .as("a column the statement does not cast keeps its values").isEqualTo(20);
    }

    @Test
    void aCastNoValueSurvivesIsLeftToFail() throws SQLException {
        fixture = new Fixture("CREATE TABLE events (id int PRIMARY KEY, label text);");
        Snapshot snapshot = seed(20);
        String cast = "SELECT (label || 'x')::integer FROM events";

        assertThat(CastReseeding.reseed(fixture.connection, snapshot, failure(cast)))
                .as("the column the statement names holds letters: they become integers").isEqualTo(20);
        FailedStatement again = failure(cast);
        assertThat(again.message()).startsWith("invalid input syntax for type integer");
        assertThat(CastReseeding.reseed(fixture.connection, snapshot, again)).as("nothing left to re-seed").isZero();
    }

    @Test
    void textTooLongForANarrowerTextTypeIsNotReseeded() throws SQLException {
        fixture = new Fixture("CREATE TABLE notes (id int PRIMARY KEY, body text);");
        Snapshot snapshot = seed(20);

        assertThat(CastReseeding.reseed(fixture.connection, snapshot, failure("SELECT body, id / 0 FROM notes")))
                .as("not a data exception that names a type").isZero();
        assertThat(CastReseeding.reseed(fixture.connection, snapshot, new FailedStatement(
                "ALTER TABLE notes ALTER COLUMN body TYPE varchar(3)", "22001", "value too long for type character varying(3)", "")))
                .isZero();
    }

    private Snapshot seed(int rows) throws SQLException {
        Snapshot snapshot = fixture.snapshot();
        List<QualifiedName> tables = snapshot.tables().stream().map(Table::qualifiedName).toList();
        Seeder.seed(fixture.connection, snapshot, tables, rows, 42);
        return snapshot;
    }

    /** What the server says when the statement runs: it must fail. */
    private FailedStatement failure(String sql) {
        try {
            fixture.execute(sql);
        } catch (PSQLException e) {
            ServerErrorMessage server = e.getServerErrorMessage();
            return new FailedStatement(sql, server.getSQLState(), server.getMessage(),
                    server.getDetail() == null ? "" : server.getDetail());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(sql + " ran");
    }
}
