package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlIndex;
import dev.schemagate.model.dialect.MysqlRoutine;
import dev.schemagate.model.dialect.MysqlView;
import dev.schemagate.model.dialect.PostgresConstraint;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresRoutine;
import dev.schemagate.model.dialect.PostgresTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The snapshot without the kinds the first two layouts predate: casts, statistics, publications, wrappers, servers. */
    private static Snapshot withoutKindsAddedSince(Snapshot snapshot) {
        PostgresObjects own = snapshot.postgres();
        return new Snapshot(snapshot.schemas(), snapshot.sequences(), snapshot.tables(), snapshot.views(),
                snapshot.routines(), snapshot.dependencies(), new PostgresObjects(own.extensions(), own.collations(),
                own.enums(), own.domains(), own.compositeTypes(), own.rangeTypes(), own.eventTriggers(), null, null, null,
                null, null),
                snapshot.mysql());
    }

    @Test
    void aFileOfTheSecondLayoutReadsAsTheSameSnapshot() throws IOException {
        String format2 = resource("snapshot-format-2.json");

        Snapshot read = SnapshotJson.fromJson(format2);

        assertThat(format2).startsWith("{\n  \"format\" : 2,").contains("\"clustered\" : true", "\"leakproof\" : true");
        assertThat(read).isEqualTo(withoutKindsAddedSince(SampleSnapshots.everything()));
        assertThat(read.tables().get(1).indexes().get(0).postgres().clustered()).isTrue();
        assertThat(read.routines().get(0).postgres().parallel()).isEqualTo(PostgresRoutine.Parallel.SAFE);
    }

    @Test
    void postgresqlsOwnFieldsOfIndexesAndConstraintsAreWrittenInTheirComponent() {
        Index index = SampleSnapshots.index("i");
        Constraint check = new Constraint("positive", Constraint.Type.CHECK, "CHECK ((x > 0))", null, null, null, null,
                null, null, false, false, true, false, null, new PostgresConstraint(true, false));
        Table table = new Table("shop", "t", List.of(Column.of("x", "integer", false)), List.of(check), List.of(index),
                null, null, null, null);
        Snapshot snapshot = new Snapshot(null, null, List.of(table), null, null, null, null, null);

        String json = SnapshotJson.toJson(snapshot);

        assertThat(SnapshotJson.fromJson(json)).isEqualTo(snapshot);
        assertThat(json).containsPattern("\"postgres\" : \\{\\s*\"noInherit\" : true")
                .containsPattern("\"comment\" : \"an index\",\n\\s*\"postgres\" : \\{\n\\s*\"nullsNotDistinct\" : true");
    }

    @Test
    void aMysqlFileOfTheSecondLayoutHasItsOptionsReadAsMysqlsOwnFields() {
        Snapshot read = SnapshotJson.fromJson("""
                { "format": 2,
                  "tables": [ { "schema": "app", "name": "t", "columns": [ { "name": "id", "type": "int", "notNull": true } ],
                                "indexes": [ { "name": "t_id", "unique": false, "nullsNotDistinct": false, "method": "btree",
                                               "keys": [ { "expression": "id", "descending": false, "nullsFirst": false } ],
                                               "valid": true, "definition": "btree (`id`)", "options": [ "invisible" ],
                                               "replicaIdentity": false, "clustered": false } ],
                                "mysql": { "engine": "InnoDB", "collation": "utf8mb4_general_ci" } } ],
                  "views": [ { "schema": "app", "name": "v", "materialized": false, "definition": "select 1",
                               "options": [ "check_option=cascaded", "security=invoker" ], "populated": true } ],
                  "routines": [ { "schema": "app", "name": "f", "kind": "FUNCTION", "identityArguments": "",
                                  "arguments": "", "language": "SQL", "volatility": "IMMUTABLE", "strict": false,
                                  "securityDefiner": true, "leakproof": false, "parallel": "UNSAFE", "cost": 0.0,
                                  "rows": 0.0, "config": [ "sql_data_access=READS SQL DATA" ] } ] }
                """);

        Index index = read.tables().get(0).indexes().get(0);
        assertThat(index.mysql()).isEqualTo(new MysqlIndex(true));
        assertThat(index.postgres()).isEqualTo(PostgresIndex.DEFAULTS);
        assertThat(read.views().get(0).mysql()).isEqualTo(new MysqlView("cascaded", true));
        assertThat(read.routines().get(0).mysql()).isEqualTo(new MysqlRoutine("READS SQL DATA"));
        assertThat(read.routines().get(0).postgres()).isEqualTo(PostgresRoutine.DEFAULTS);
        assertThat(SnapshotJson.toJson(read)).doesNotContain("\"postgres\"", "options", "config");
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
        assertThatThrownBy(() -> SnapshotJson.fromJson("{ \"format\": 4, \"tables\": [] }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot format 4 is not one this release reads (1 to 3)");
    }

    @Test
    void aFieldThisReleaseDoesNotKnowIsNamedWithItsLine() {
        assertThatThrownBy(() -> SnapshotJson.fromJson("{ \"format\": 3,\n  \"tables\": [ { \"name\": \"t\",\n"
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
