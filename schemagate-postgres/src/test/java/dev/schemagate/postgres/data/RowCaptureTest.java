package dev.schemagate.postgres.data;

import dev.schemagate.data.RowComparison;
import dev.schemagate.data.RowDifference;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.QualifiedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Capturing rows on the real server, and comparing captures taken around a change. */
class RowCaptureTest {

    private static final QualifiedName ODD = QualifiedName.of("My Schema", "Table \"Q\"");
    private static final QualifiedName PLAIN = QualifiedName.of("public", "plain");

    private Fixture fixture;

    @BeforeEach
    void create() throws Exception {
        fixture = new Fixture("""
                CREATE SCHEMA "My Schema";
                CREATE TABLE "My Schema"."Table \"\"Q\"\"\" ("Id" int, "a b" text, n numeric(6, 2), tags text[], doc jsonb,
                                                      at timestamptz, flag boolean);
                INSERT INTO "My Schema"."Table \"\"Q\"\"\" VALUES
                    (1, 'null', 1.50, ARRAY['x', 'y'], '{"k": [1, 2]}', '2020-01-02 03:04:05+00', true),
                    (2, NULL, NULL, NULL, NULL, NULL, NULL);
                CREATE TABLE public.plain (id int);
                INSERT INTO public.plain SELECT generate_series(1, 5);
                CREATE VIEW public.seen AS SELECT * FROM public.plain;
                SET TIME ZONE 'UTC';
                """);
    }

    @AfterEach
    void drop() throws Exception {
        fixture.close();
    }

    @Test
    void rowsKeepTheDatabaseRenderingAndTellNullFromTheTextNull() throws Exception {
        Map<QualifiedName, TableRows> captured = RowCapture.capture(fixture.connection, fixture.snapshot(), List.of(ODD));

        TableRows rows = captured.get(ODD);
        assertThat(rows.columns()).containsExactly("Id", "a b", "n", "tags", "doc", "at", "flag");
        assertThat(rows.rows()).hasSize(2);
        assertThat(rows.rows()).anySatisfy(row -> assertThat(row).containsExactly(entry("Id", "1"),
                entry("a b", "null"), entry("n", "1.50"), entry("tags", "[\"x\",\"y\"]"),
                entry("doc", "{\"k\":[1,2]}"), entry("at", "2020-01-02T03:04:05+00:00"), entry("flag", "true")));
        assertThat(rows.rows()).anySatisfy(row -> assertThat(row).containsEntry("Id", "2").containsEntry("a b", null));
        assertThat(rows.truncated()).isFalse();
    }

    @Test
    void namesThatAreNotTablesAreLeftOutAndTheOthersKeepTheGivenOrder() throws Exception {
        Map<QualifiedName, TableRows> captured = RowCapture.capture(fixture.connection, fixture.snapshot(),
                List.of(PLAIN, QualifiedName.of("public", "seen"), QualifiedName.of("public", "absent"), ODD));

        assertThat(captured.keySet()).containsExactly(PLAIN, ODD);
        assertThat(captured.get(PLAIN).rows()).hasSize(5);
    }

    @Test
    void manyTablesAreReadInSeveralQueriesEachTableWithItsOwnRows() throws Exception {
        int tables = 250;
        fixture.execute("DO $$ BEGIN FOR i IN 1.." + tables + " LOOP"
                + " EXECUTE format('CREATE TABLE public.t%s (n int)', i);"
                + " EXECUTE format('INSERT INTO public.t%s SELECT generate_series(1, %s)', i, i % 7);"
                + " END LOOP; END $$");
        List<QualifiedName> names = java.util.stream.IntStream.rangeClosed(1, tables).boxed()
                .sorted(java.util.Comparator.reverseOrder()).map(i -> QualifiedName.of("public", "t" + i)).toList();

        Map<QualifiedName, TableRows> captured = RowCapture.capture(fixture.connection, fixture.snapshot(), names, 4);

        assertThat(captured.keySet()).containsExactlyElementsOf(names);
        for (int i = 1; i <= tables; i++) {
            TableRows rows = captured.get(QualifiedName.of("public", "t" + i));
            int held = i % 7;
            assertThat(rows.totalRows()).as("t%s", i).isEqualTo(held);
            assertThat(rows.rows()).hasSize(Math.min(4, held)).allSatisfy(row -> assertThat(Integer.parseInt(row.get("n")))
                    .isBetween(1, held));
        }
    }

    @Test
    void aTableLargerThanTheLimitIsCappedWithItsRowCount() throws Exception {
        TableRows rows = RowCapture.capture(fixture.connection, fixture.snapshot(), List.of(PLAIN), 3).get(PLAIN);

        assertThat(rows.rows()).hasSize(3);
        assertThat(rows.totalRows()).isEqualTo(5);
        assertThat(rows.truncated()).isTrue();
    }

    @Test
    void capturesAroundAChangeShowTheChangedRow() throws Exception {
        var snapshot = fixture.snapshot();
        TableRows before = RowCapture.capture(fixture.connection, snapshot, List.of(PLAIN)).get(PLAIN);
        fixture.connection.setAutoCommit(false);
        fixture.execute("UPDATE public.plain SET id = 50 WHERE id = 5");
        TableRows after = RowCapture.capture(fixture.connection, snapshot, List.of(PLAIN)).get(PLAIN);
        fixture.connection.rollback();
        fixture.connection.setAutoCommit(true);

        RowDifference difference = RowComparison.compare(before, after);

        assertThat(difference.missing()).isEqualTo(1);
        assertThat(difference.sampleMissing()).containsExactly(entry("id", "5"));
        assertThat(difference.sampleUnexpected()).containsExactly(entry("id", "50"));
    }
}
