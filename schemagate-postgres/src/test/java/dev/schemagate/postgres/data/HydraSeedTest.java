package dev.schemagate.postgres.data;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.data.TableSeed;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeds the tables of ory/hydra's PostgreSQL migration history, from the third-party corpus. */
class HydraSeedTest {

    private static final int ROWS = 20;

    @Test
    void everyTableOfTheFinalSchemaIsSeededAndCaptured() throws Exception {
        try (Fixture fixture = new Fixture("SELECT 1")) {
            for (Migration migration : migrations()) {
                apply(fixture, migration);
            }
            Snapshot snapshot = fixture.snapshot();
            List<QualifiedName> tables = snapshot.tables().stream().map(Table::qualifiedName).toList();

            long start = System.nanoTime();
            SeedReport report = Seeder.seed(fixture.connection, snapshot, tables, ROWS, 42);
            long seeded = System.nanoTime();
            Map<QualifiedName, TableRows> rows = RowCapture.capture(fixture.connection, snapshot, tables);
            long captured = System.nanoTime();

            print("final schema", report, seeded - start);
            System.out.printf("hydra final schema: %d tables captured in %d ms%n", rows.size(),
                    (captured - seeded) / 1_000_000);
            assertThat(report.problems()).isEmpty();
            assertThat(rows.values()).allSatisfy(table -> assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(ROWS));
        }
    }

    /**
     * Each table seeded as it is right after the migration that creates it: after every migration,
     * all tables are seeded, referenced tables first, inside a transaction rolled back afterwards
     * (generated rows need not satisfy constraints later migrations add: hydra adds foreign keys to
     * tables that already hold rows), and the outcome for the newly created tables is kept.
     */
    @Test
    void everyTableOfTheHistoryIsSeededRightAfterTheMigrationThatCreatesIt() throws Exception {
        try (Fixture fixture = new Fixture("SELECT 1")) {
            Set<QualifiedName> known = new HashSet<>();
            List<TableSeed> created = new ArrayList<>();
            long seeding = 0;
            for (Migration migration : migrations()) {
                apply(fixture, migration);
                Snapshot snapshot = fixture.snapshot();
                List<QualifiedName> tables = snapshot.tables().stream().map(Table::qualifiedName).toList();
                fixture.connection.setAutoCommit(false);
                long start = System.nanoTime();
                SeedReport report = Seeder.seed(fixture.connection, snapshot, tables, ROWS, 42);
                seeding += System.nanoTime() - start;
                fixture.connection.rollback();
                fixture.connection.setAutoCommit(true);
                report.tables().stream().filter(table -> known.add(table.table())).forEach(created::add);
            }
            SeedReport report = new SeedReport(created);

            print("history (all tables after each migration)", report, seeding);
            assertThat(report.problems()).isEmpty();
        }
    }

    private static void print(String what, SeedReport report, long nanos) {
        System.out.printf("hydra %s: %d of %d tables fully seeded with %d rows in %d ms%n", what,
                report.completeCount(), report.tables().size(), ROWS, nanos / 1_000_000);
        report.problems().forEach(problem -> System.out.println("  " + problem));
    }

    private static void apply(Fixture fixture, Migration migration) throws SQLException {
        ScriptOutcome outcome = new ScriptRunner(new PostgresDialect()).run(fixture.connection, migration.up());
        assertThat(outcome.failure()).as(migration.displayName()).isEmpty();
    }

    private static List<Migration> migrations() {
        Path folder = Corpus.folder("hydra-migrations/persistence/sql/migrations");
        return MigrationDiscovery.discover(folder, Layout.AUTO, DialectNames.of(List.of("postgres", "postgresql", "pg")))
                .migrations();
    }
}
