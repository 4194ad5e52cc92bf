package dev.schemagate.postgres.data;

import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filling tables on the server from generate_series follows the seeder's value rules: the same
 * values as its literals, every constraint of the fixture honoured, at the most rows the fixture's types have room for.
 */
class SeriesFillTest {

    private static final String PARENT_SQL = "\"Odd Schema\".\"Parent \"\"T\"\"\"";
    /** Thousands of rows, within the 999 distinct values of the fixture's unique numeric(3,3) column. */
    private static final int ROWS = 999;

    private static Fixture fixture;
    private static SeedReport report;

    @BeforeAll
    static void fill() throws Exception {
        fixture = Fixture.ofResource("constraints.sql");
        Snapshot snapshot = fixture.snapshot();
        report = SeriesFill.fill(fixture.connection, snapshot, snapshot.tables().stream().map(Table::qualifiedName).toList(), ROWS, 7);
    }

    @AfterAll
    static void drop() throws Exception {
        fixture.close();
    }

    @Test
    void everyTableOfTheFixtureGetsEveryRowInOneStatementATable() throws Exception {
        assertThat(report.problems()).containsExactly("public.measurement_any: a partition; rows go in through its partitioned table");
        for (TableSeed table : report.tables()) {
            if (!table.skipped()) {
                assertThat(table.inserted()).as(table.table().toString()).isEqualTo(ROWS);
                assertThat(fixture.number("SELECT count(*) FROM " + Quote.name(table.table()))).isEqualTo(ROWS);
            }
        }
    }

    @Test
    void valuesHonourUniqueChecksEnumsDomainsArraysAndForeignKeys() throws Exception {
        assertThat(fixture.number("SELECT count(DISTINCT \"Name\") FROM " + PARENT_SQL)).isEqualTo(ROWS);
        assertThat(fixture.number("SELECT count(*) FROM " + PARENT_SQL + " WHERE kind IN ('a', 'b') AND price >= 0"
                + " AND qty BETWEEN 1 AND 10 AND label = upper(label) AND length(label) <= 4 AND code = upper(code)"
                + " AND n > 0 AND cardinality(tags) = 2 AND cardinality(moods) = 2 AND jsonb_typeof(doc) = 'object'"
                + " AND note IS NOT NULL")).isEqualTo(ROWS);
        assertThat(fixture.number("SELECT count(*) FROM public.membership m JOIN public.account a"
                + " ON a.id = m.account AND a.tenant = m.tenant")).isEqualTo(ROWS);
        QualifiedName parent = QualifiedName.of("Odd Schema", "Parent \"T\"");
        List<QualifiedName> order = report.tables().stream().map(TableSeed::table).toList();
        assertThat(order.indexOf(parent)).isLessThan(order.indexOf(QualifiedName.of("public", "membership")));
    }

    @Test
    void theServersExpressionMakesTheSameValueAsTheLiteralForEachType() throws Exception {
        Values values = new Values(fixture.snapshot());
        List<String> types = List.of("smallint", "integer", "bigint", "numeric", "numeric(6,2)", "numeric(3,3)", "real",
                "double precision", "money", "boolean", "text", "character varying(5)", "character(3)", "jsonb", "bytea", "date",
                "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone",
                "inet", "cidr", "macaddr", "macaddr8", "bit(5)", "bit varying(70)", "interval", "integer[]", "text[]");
        for (String type : types) {
            Generator generator = values.forType(TypeName.parse(type), Hints.NONE, 99);
            for (long k : List.of(0L, 1L, 25L, 677L, 123_456L, 308_915_777L)) {
                String same = "SELECT ((" + generator.literal(k) + ") IS NOT DISTINCT FROM (" + generator.expression(k + "::bigint")
                        + "))::int";
                assertThat(fixture.number(same)).as(type + " at " + k + ": " + same).isEqualTo(1);
            }
        }
    }
}
