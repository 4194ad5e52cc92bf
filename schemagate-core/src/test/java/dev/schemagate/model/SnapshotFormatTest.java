package dev.schemagate.model;

import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot files of the current layout and of the previous one, which users have checked in. */
class SnapshotFormatTest {

    @Test
    void aFileStartsWithItsFormatAndKeepsEachDialectsOwnApart() {
        String json = SnapshotJson.toJson(SampleSnapshots.everything());

        assertThat(json).startsWith("{\n  \"format\" : " + SnapshotFormat.CURRENT + ",\n  \"schemas\"");
        assertThat(SnapshotJson.fromJson(json)).isEqualTo(SampleSnapshots.everything());
    }

    @Test
    void aFileOfTheFirstLayoutReadsAsTheSameSnapshot() throws IOException {
        String format1 = resource("snapshot-format-1.json");

        Snapshot read = SnapshotJson.fromJson(format1);

        assertThat(format1).doesNotContain("\"format\"", "\"postgres\"").contains("\"unlogged\" : true");
        assertThat(read).isEqualTo(withoutKindsAddedSince(SampleSnapshots.everything()));
        assertThat(SnapshotJson.fromJson(format1.replaceFirst("\\{", "{ \"format\": 1,"))).isEqualTo(read);
    }

    /** The snapshot without the kinds the first layout predates: casts, extended statistics, publications. */
    private static Snapshot withoutKindsAddedSince(Snapshot snapshot) {
        PostgresObjects own = snapshot.postgres();
        return new Snapshot(snapshot.schemas(), snapshot.sequences(), snapshot.tables(), snapshot.views(),
                snapshot.routines(), snapshot.dependencies(), new PostgresObjects(own.extensions(), own.collations(),
                own.enums(), own.domains(), own.compositeTypes(), own.rangeTypes(), own.eventTriggers(), null, null, null,
                null, null),
                snapshot.mysql());
    }

    @Test
    void aTableOfAnotherDialectInTheFirstLayoutHasNothingOfPostgresqlsOwn() {
        Snapshot read = SnapshotJson.fromJson("""
                { "tables": [ { "schema": "main", "name": "t", "replicaIdentity": "DEFAULT",
                                "columns": [ { "name": "id", "type": "INTEGER", "notNull": true } ],
                                "sqlite": { "withoutRowid": true, "strict": false, "autoincrement": false } } ] }
                """);

        Table table = read.tables().get(0);
        assertThat(table.postgres()).isEqualTo(PostgresTable.PLAIN);
        assertThat(table.sqlite().withoutRowid()).isTrue();
        assertThat(SnapshotJson.toJson(read)).doesNotContain("replicaIdentity", "postgres");
    }

    @Test
    void aFileOfALaterFormatIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> SnapshotJson.fromJson("{ \"format\": 3, \"tables\": [] }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot format 3 is not one this release reads (1 to 2)");
    }

    @Test
    void aFieldThisReleaseDoesNotKnowIsNamedWithItsLine() {
        assertThatThrownBy(() -> SnapshotJson.fromJson("{ \"format\": 2,\n  \"tables\": [ { \"name\": \"t\",\n"
                + "  \"unlogged\": true } ] }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3: ")
                .hasMessageContaining("unlogged");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SnapshotFormatTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
