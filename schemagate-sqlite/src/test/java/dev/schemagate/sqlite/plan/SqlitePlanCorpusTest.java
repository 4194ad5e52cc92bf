package dev.schemagate.sqlite.plan;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plan oracle on the consecutive states of vaultwarden's SQLite history (56 migrations: tables
 * created and dropped, rebuilt with their foreign keys repointed, columns added): from the
 * schema after one migration to the schema after the next, the plan must run on seeded rows and
 * leave exactly the next schema, as {@code diff --dialect sqlite DIR@A DIR@B} proves it.
 */
class SqlitePlanCorpusTest {

    @Test
    void everyStepOfVaultwardensHistoryIsPlannedAndProven() {
        String property = System.getProperty("schemagate.corpus");
        Path corpus = property == null ? null : Path.of(property).toAbsolutePath().normalize();
        assumeTrue(corpus != null && Files.isDirectory(corpus), "corpus not found at " + corpus);
        Path folder = corpus.resolve("vaultwarden-migrations/migrations/sqlite");
        List<Migration> migrations = MigrationDiscovery.discover(folder, Layout.AUTO,
                Dialects.names(Dialects.byId("sqlite"))).migrations();
        DiffRun.DiffOptions options = new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                Layout.AUTO, SnapshotOptions.full(), true, true, 5);
        List<String> problems = new ArrayList<>();
        try (DatabaseServer server = Dialects.byId("sqlite").start(options.server())) {
            for (int i = 0; i + 1 < migrations.size(); i++) {
                String from = folder + "@" + migrations.get(i).version().text();
                String to = folder + "@" + migrations.get(i + 1).version().text();
                PlanProof proof = DiffRun.planned(Dialects.byId("sqlite"), server, from, to, options).proof();
                String step = migrations.get(i + 1).displayName();
                proof.problems().forEach(problem -> problems.add(step + ": " + problem + "\n" + proof.plan().script()));
            }
        }
        assertThat(problems).isEmpty();
    }
}
