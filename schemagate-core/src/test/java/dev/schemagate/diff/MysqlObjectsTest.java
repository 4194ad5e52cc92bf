package dev.schemagate.diff;

import dev.schemagate.model.dialect.MysqlEvent;
import dev.schemagate.model.dialect.MysqlObjects;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The MySQL-own home at the top of a snapshot: in JSON only when it holds something, compared as the snapshot's own objects. */
class MysqlObjectsTest {

    private static final MysqlEvent NIGHTLY = new MysqlEvent("nightly", null, "1 DAY", null, null, false, "ENABLE",
            "purges", "DELETE FROM t");

    private static Snapshot with(MysqlEvent... events) {
        return new Snapshot(null, null, null, null, null, null, null,
                new MysqlObjects(List.of(events)));
    }

    @Test
    void aSnapshotOfAnotherDialectHasNoneAndItsJsonSaysNothingOfIt() {
        assertThat(Snapshot.empty().mysql()).isEqualTo(MysqlObjects.NONE);
        assertThat(SnapshotJson.toJson(Snapshot.empty())).doesNotContain("mysql");
        assertThat(SnapshotJson.fromJson("{}")).isEqualTo(Snapshot.empty());
    }

    @Test
    void eventsSurviveJson() {
        Snapshot snapshot = with(NIGHTLY, new MysqlEvent("once", "2037-01-01 10:00:00", null, null, null, true,
                "DISABLE ON SLAVE", null, "BEGIN DELETE FROM t; END"));

        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void anEventIsNamedAsAnObjectOfTheSnapshot() {
        MysqlEvent hourly = new MysqlEvent("nightly", null, "1 HOUR", null, null, false, "ENABLE", "purges", "DELETE FROM t");

        assertThat(SnapshotComparison.compare(with(NIGHTLY), with(hourly))).singleElement()
                .isEqualTo(new Difference(Difference.Kind.CHANGED, "mysql event nightly", "every", "1 DAY", "1 HOUR"));
        assertThat(SchemaDiff.of(with(NIGHTLY), Snapshot.empty()).objects()).singleElement().satisfies(change -> {
            assertThat(change.object()).isEqualTo("mysql event nightly");
            assertThat(change.kind()).isEqualTo(Difference.Kind.MISSING);
        });
    }

    @Test
    void ignoreRulesReachIntoTheHome() {
        Snapshot filtered = new IgnoreRules(Set.of(), List.of(), Set.of("comments")).apply(with(NIGHTLY));

        assertThat(filtered.mysql().events()).singleElement().satisfies(event -> {
            assertThat(event.comment()).isNull();
            assertThat(event.every()).isEqualTo("1 DAY");
        });
    }
}
