package dev.schemagate.postgres.plan;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.postgres.introspect.RoundTrip;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's judgement of which built-in types cast to which, against what the server accepts. */
class CastsTest {

    /** Built-in types as {@code format_type} writes them, modifiers and arrays included. */
    private static final List<String> TYPES = List.of("smallint", "integer", "bigint", "numeric(9,2)", "real",
            "double precision", "money", "boolean", "text", "character varying(10)", "character(3)", "name", "\"char\"",
            "uuid", "bytea", "date", "timestamp(3) without time zone", "timestamp with time zone",
            "time without time zone", "interval", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "bit(8)",
            "bit varying", "oid", "point", "tsvector", "integer[]", "text[]", "uuid[]", "numeric(9,2)[]");

    @Test
    void aCastIsMissingExactlyWhereTheServerRefusesOne() throws SQLException {
        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        try (ScratchDatabase database = RoundTrip.server().createDatabase(); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            for (String from : TYPES) {
                for (String to : TYPES) {
                    boolean serverRefuses = refuses(statement, from, to);
                    refused += serverRefuses ? 1 : 0;
                    if (Casts.none(from, to) != serverRefuses) {
                        disagreements.add(from + " -> " + to + (serverRefuses ? ": the server has no cast" : ": the server casts"));
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(refused).as("pairs without a cast").isGreaterThan(100);
    }

    @Test
    void typesOfASchemaAreLeftToTheDirectCast() {
        assertThat(Casts.none("integer", "uuid")).isTrue();
        assertThat(Casts.none("integer", "public.mood")).isFalse();
        assertThat(Casts.none("public.citext", "uuid")).isFalse();
    }

    private static boolean refuses(Statement statement, String from, String to) throws SQLException {
        try {
            statement.execute("SELECT CAST(CAST(NULL AS " + from + ") AS " + to + ")");
            return false;
        } catch (SQLException e) {
            if ("42846".equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }
}
