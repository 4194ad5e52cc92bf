package dev.schemagate.postgres.data;

import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableSeed;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeding the fixture tables, one per kind of constraint, on the real server. */
class SeederTest {

    private static final QualifiedName PARENT = QualifiedName.of("Odd Schema", "Parent \"T\"");
    private static final String PARENT_SQL = "\"Odd Schema\".\"Parent \"\"T\"\"\"";

    private Fixture fixture;
    private Snapshot snapshot;

    @BeforeEach
    void create() throws Exception {
        fixture = Fixture.ofResource("constraints.sql");
        snapshot = fixture.snapshot();
    }

    @AfterEach
    void drop() throws Exception {
        fixture.close();
    }

    @Test
    void everyTableOfTheFixtureGetsEveryRow() throws Exception {
        SeedReport report = Seeder.seed(fixture.connection, snapshot, tables(), 20, 7);

        assertThat(report.problems()).containsExactly(
                "public.measurement_any: a partition of public.measurement; rows go in through the partitioned table");
        for (TableSeed table : report.tables()) {
            if (!table.skipped()) {
                assertThat(table.inserted()).as(table.table().toString()).isEqualTo(20);
                assertThat(fixture.number("SELECT count(*) FROM " + Quote.name(table.table()))).isEqualTo(20);
            }
        }
    }

    @Test
    void referencedTablesAreSeededFirst() throws Exception {
        SeedReport report = Seeder.seed(fixture.connection, snapshot, tables(), 5, 7);

        List<QualifiedName> order = report.tables().stream().map(TableSeed::table).toList();
        assertThat(order.indexOf(QualifiedName.of("public", "tenant")))
                .isLessThan(order.indexOf(QualifiedName.of("public", "account")));
        assertThat(order.indexOf(QualifiedName.of("public", "account")))
                .isLessThan(order.indexOf(QualifiedName.of("public", "membership")));
        assertThat(order.indexOf(PARENT)).isLessThan(order.indexOf(QualifiedName.of("public", "membership")));
    }

    @Test
    void valuesHonourUniqueChecksEnumsDomainsArraysAndJson() throws Exception {
        Seeder.seed(fixture.connection, snapshot, tables(), 20, 11);

        assertThat(fixture.number("SELECT count(DISTINCT \"Name\") FROM " + PARENT_SQL)).isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM " + PARENT_SQL + " WHERE kind IN ('a', 'b') AND price >= 0"
                + " AND qty BETWEEN 1 AND 10 AND label = upper(label) AND length(label) <= 4 AND code = upper(code)"
                + " AND n > 0 AND cardinality(tags) = 2 AND cardinality(moods) = 2 AND jsonb_typeof(doc) = 'object'"
                + " AND note IS NOT NULL")).isEqualTo(20);
        assertThat(fixture.number("SELECT count(DISTINCT m) FROM " + PARENT_SQL)).isEqualTo(3);
        assertThat(fixture.number("SELECT count(DISTINCT ci) + count(DISTINCT s) + count(DISTINCT fraction)"
                + " FROM public.types WHERE twice = i * 2")).isEqualTo(60);
    }

    @Test
    void foreignKeysTakeWholeReferencedRowsAndSelfReferencesPointAtNullOrTheRowItself() throws Exception {
        Seeder.seed(fixture.connection, snapshot, tables(), 20, 3);

        assertThat(fixture.number("SELECT count(DISTINCT (account, tenant, parent)) FROM public.membership"))
                .isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM public.node WHERE parent IS NULL")).isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM public.loop WHERE self = id")).isEqualTo(20);
        assertThat(fixture.number("SELECT count(*) FROM public.measurement_any")).isEqualTo(20);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws Exception {
        Map<QualifiedName, TableRows> first = seededRows(5);
        Map<QualifiedName, TableRows> again = seededRows(5);
        Map<QualifiedName, TableRows> other = seededRows(6);

        assertThat(again.get(PARENT).rows()).containsExactlyInAnyOrderElementsOf(first.get(PARENT).rows());
        assertThat(other.get(PARENT).rows()).doesNotContainAnyElementsOf(first.get(PARENT).rows());
    }

    @Test
    void aColumnTypeItCannotGenerateIsReportedWithTheTableAndColumn() throws Exception {
        fixture.execute("CREATE TABLE public.events (id int PRIMARY KEY, area point NOT NULL, spot point)");
        QualifiedName events = QualifiedName.of("public", "events");

        SeedReport report = Seeder.seed(fixture.connection, fixture.snapshot(), List.of(events), 20, 1);

        assertThat(report.tables()).containsExactly(new TableSeed(events, 20, 0, List.of(
                "public.events: column \"area\" of type \"point\" cannot be generated;"
                        + " give it a default or mark it nullable")));
    }

    @Test
    void aNullableColumnItCannotGenerateIsLeftNull() throws Exception {
        fixture.execute("CREATE TABLE public.events (id int PRIMARY KEY, spot point)");
        QualifiedName events = QualifiedName.of("public", "events");

        SeedReport report = Seeder.seed(fixture.connection, fixture.snapshot(), List.of(events), 20, 1);

        assertThat(report.completeCount()).isEqualTo(1);
        assertThat(fixture.number("SELECT count(*) FROM public.events WHERE spot IS NULL")).isEqualTo(20);
    }

    @Test
    void insideATransactionRejectedRowsAreLeftOutAndTheOthersKept() throws Exception {
        assertRejectedRowsLeftOut(false);
    }

    @Test
    void inAutocommitRejectedRowsAreLeftOutAndTheOthersKept() throws Exception {
        assertRejectedRowsLeftOut(true);
    }

    private void assertRejectedRowsLeftOut(boolean autocommit) throws Exception {
        fixture.execute("CREATE TABLE public.picky (n int NOT NULL CONSTRAINT even CHECK (n % 2 = 0))");
        QualifiedName picky = QualifiedName.of("public", "picky");
        Snapshot withPicky = fixture.snapshot();
        fixture.connection.setAutoCommit(autocommit);

        SeedReport report = Seeder.seed(fixture.connection, withPicky, List.of(picky), 20, 1);
        if (!autocommit) {
            fixture.connection.commit();
            fixture.connection.setAutoCommit(true);
        }

        TableSeed seeded = report.tables().get(0);
        assertThat(seeded.inserted()).isEqualTo(10);
        assertThat(seeded.problems()).singleElement().asString()
                .startsWith("public.picky: new row for relation \"picky\" violates check constraint \"even\"");
        assertThat(fixture.number("SELECT count(*) FROM public.picky")).isEqualTo(10);
    }

    private Map<QualifiedName, TableRows> seededRows(long seed) throws Exception {
        try (Fixture copy = Fixture.ofResource("constraints.sql")) {
            Seeder.seed(copy.connection, snapshot, tables(), 10, seed);
            return RowCapture.capture(copy.connection, snapshot, List.of(PARENT));
        }
    }

    private List<QualifiedName> tables() {
        return snapshot.tables().stream().map(Table::qualifiedName).toList();
    }
}
