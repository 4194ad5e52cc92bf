package dev.schemagate.postgres.server;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.engine.PlanValidator;
import dev.schemagate.migration.Layout;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live database of the proof's own server is copied by the server as SOURCE: the copy has its
 * schema and none of its rows, as a build from its snapshot would; a database in use, or one holding
 * rows a TRUNCATE does not empty, is not copied, and the proof builds SOURCE as before.
 */
class LiveCopyTest {

    private static final String SCHEMA = """
            CREATE TABLE parent (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
            CREATE TABLE child (id int PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parent (id));
            CREATE INDEX child_parent ON child (parent_id);
            INSERT INTO parent (name) VALUES ('a'), ('b');
            INSERT INTO child VALUES (1, 1), (2, 2);
            """;

    private final PostgresDialect dialect = new PostgresDialect();
    private final DatabaseServer server = TestServer.shared();

    @Test
    void anIdleDatabaseIsCopiedWithItsSchemaAndWithoutItsRows() throws SQLException {
        try (ScratchDatabase live = built(SCHEMA)) {
            Optional<ScratchDatabase> copy = server.copyOf(live::connect);

            assertThat(copy).isPresent();
            try (ScratchDatabase database = copy.get(); Connection connection = database.connect();
                 Connection original = live.connect()) {
                assertThat(snapshot(connection)).isEqualTo(snapshot(original));
                assertThat(number(connection, "SELECT count(*) FROM parent") + number(connection, "SELECT count(*) FROM child"))
                        .isZero();
                assertThat(number(connection, "INSERT INTO parent (name) VALUES ('c') RETURNING id")).isEqualTo(1);
                assertThat(number(original, "SELECT count(*) FROM child")).isEqualTo(2);
            }
        }
    }

    @Test
    void aDatabaseSomeoneIsConnectedToIsNotCopied() throws SQLException {
        try (ScratchDatabase live = built(SCHEMA); Connection someone = live.connect()) {
            assertThat(server.copyOf(live::connect)).isEmpty();
            assertThat(number(someone, "SELECT count(*) FROM child")).isEqualTo(2);
        }
    }

    @Test
    void aMaterializedViewKeepsADatabaseFromBeingCopied() throws SQLException {
        try (ScratchDatabase live = built(SCHEMA + "CREATE MATERIALIZED VIEW names AS SELECT name FROM parent;")) {
            assertThat(server.copyOf(live::connect)).isEmpty();
        }
    }

    @Test
    void aPlanFromALiveDatabaseOfTheServerIsProvenOnItsCopyAndLeavesItAsItWas() throws SQLException {
        try (ScratchDatabase source = built(SCHEMA);
             ScratchDatabase target = built(SCHEMA + "ALTER TABLE child ADD COLUMN note text; DROP INDEX child_parent;")) {
            DiffRun.DiffOptions options = new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                    Layout.AUTO, SnapshotOptions.structureOnly(), false, false, 20);

            DiffRun.DiffResult result = DiffRun.planned(dialect, server, url(source), url(target), options);

            assertThat(result.diff().objects()).hasSize(1);
            assertThat(result.proof().problems()).isEmpty();
            assertThat(result.proof().plan().statements()).isNotEmpty();
            assertThat(result.server()).isEqualTo(server.description()).contains("PostgreSQL");
            try (Connection connection = source.connect()) {
                assertThat(number(connection, "SELECT count(*) FROM child")).isEqualTo(2);
                assertThat(number(connection, "SELECT count(*) FROM pg_indexes WHERE indexname = 'child_parent'")).isEqualTo(1);
            }
        }
    }

    /**
     * On a copy of a large live SOURCE the result of a try is read as SOURCE's snapshot with what the
     * plan changed read again: a change made where no statement names it is seen as a whole read sees it.
     */
    @Test
    void onALargeCopyWhatThePlanChangesIsReadWhereverItIsMade() throws SQLException {
        StringBuilder tables = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            tables.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, ref int REFERENCES t0 (id));\n");
        }
        String changed = tables + "ALTER TABLE t7 ADD COLUMN n int; DROP TABLE t9; CREATE TABLE added (id int);";
        try (ScratchDatabase live = built(tables.toString()); ScratchDatabase wanted = built(changed);
             Connection connection = wanted.connect()) {
            Snapshot target = snapshot(connection);
            PlanValidator validator = new PlanValidator(dialect, server,
                    new PlanValidator.PlanSettings(SnapshotOptions.structureOnly(), false, 10, 1));
            MigrationPlan sideEffect = new MigrationPlan(List.of(
                    new PlannedStatement("ALTER TABLE public.t7 ADD COLUMN n int", Set.of(), "table public.t7"),
                    new PlannedStatement("DO $$ BEGIN EXECUTE 'ALTER TABLE public.t250 ADD COLUMN sneaky int'; END $$",
                            Set.of(), "table public.t7")));

            PlanProof planned = proveOnCopy(live, target, validator, null);
            PlanProof sneaky = proveOnCopy(live, target, validator, sideEffect);

            assertThat(planned.problems()).isEmpty();
            assertThat(planned.plan().statements()).extracting(PlannedStatement::change)
                    .contains("table public.t7", "table public.t9", "table public.added");
            assertThat(sneaky.problems()).singleElement().asString()
                    .contains("still differs from TARGET", "public.t250", "sneaky", "public.t9", "public.added")
                    .doesNotContain("public.t7");
        }
    }

    /** Proves {@code plan} (or, when null, the planner's plan) on a copy of {@code live}, as {@code diff} does. */
    private PlanProof proveOnCopy(ScratchDatabase live, Snapshot target, PlanValidator validator, MigrationPlan plan)
            throws SQLException {
        try (ScratchDatabase copy = server.copyOf(live::connect).orElseThrow()) {
            Snapshot source;
            try (Connection connection = copy.connect()) {
                source = snapshot(connection);
            }
            return validator.prove(copy, source, target, plan == null ? dialect.migrationPlan(source, target) : plan, true);
        }
    }

    private ScratchDatabase built(String sql) throws SQLException {
        ScratchDatabase database = server.createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return database;
    }

    private Snapshot snapshot(Connection connection) throws SQLException {
        return dialect.snapshot(connection, SnapshotOptions.structureOnly());
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url(ScratchDatabase database) {
        return database.jdbcUrl() + "?user=" + database.username()
                + (database.password() == null ? "" : "&password=" + database.password());
    }
}
