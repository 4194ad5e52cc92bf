package dev.schemagate.mysql.plan;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plan oracle on the MySQL histories of the corpus, as {@code diff --dialect mysql DIR@A DIR@B}
 * proves it: from the schema after one migration to the schema several migrations later, and back,
 * the whole plan must run on seeded rows and leave exactly the other schema with no row lost.
 * Every {@value #STRIDE}th state, so that the pairs span the history in a few seconds each.
 */
class MysqlPlanCorpusTest {

    private static final int STRIDE = 8;
    private static final Dialect MYSQL = Dialects.byId("mysql");

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = MYSQL.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path corpus(String folder) {
        String property = System.getProperty("schemagate.corpus");
        Path corpus = property == null ? null : Path.of(property).toAbsolutePath().normalize();
        assumeTrue(corpus != null && Files.isDirectory(corpus.resolve(folder)), "corpus not found at " + corpus);
        return corpus.resolve(folder);
    }

    private static List<String> problems(Path folder) {
        List<Migration> migrations = MigrationDiscovery.discover(folder, Layout.AUTO, Dialects.names(MYSQL)).migrations();
        DiffRun.DiffOptions options = new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                Layout.AUTO, SnapshotOptions.full(), false, true, 5);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i + 1 < migrations.size(); i += STRIDE) {
            Migration a = migrations.get(i);
            Migration b = migrations.get(Math.min(i + STRIDE, migrations.size() - 1));
            for (Migration[] pair : new Migration[][] {{a, b}, {b, a}}) {
                String from = folder + "@" + pair[0].version().text();
                String to = folder + "@" + pair[1].version().text();
                PlanProof proof = DiffRun.planned(MYSQL, server, from, to, options).proof();
                String step = pair[0].displayName() + " -> " + pair[1].displayName();
                proof.problems().forEach(problem -> problems.add(step + ": " + problem + "\n" + proof.plan().script()));
            }
        }
        return problems;
    }

    @Test
    void autheliasHistoryIsPlannedAndProvenBothWays() {
        assertThat(problems(corpus("authelia-migrations/internal/storage/migrations/mysql"))).isEmpty();
    }

    @Test
    void vaultwardensHistoryIsPlannedAndProvenBothWays() {
        assertThat(problems(corpus("vaultwarden-migrations/migrations/mysql"))).isEmpty();
    }
}
