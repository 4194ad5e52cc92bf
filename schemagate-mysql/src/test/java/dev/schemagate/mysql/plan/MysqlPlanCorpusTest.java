package dev.schemagate.mysql.plan;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.model.SnapshotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan oracle on Authelia's MySQL history, as {@code diff --dialect mysql DIR@A DIR@B} proves it:
 * from the schema after its fifth migration to the schema {@value #STRIDE} migrations later, and back, the
 * whole plan must run on seeded rows and leave exactly the other schema with no row lost (tables
 * created and dropped, columns retyped, foreign keys repointed, procedures come and gone). The
 * other pairs of the history, five migrations apart, were proven the same way from the command line.
 * Vaultwarden's MySQL history needs {@code foreign_key_checks} at 0, as vaultwarden runs it (its first
 * migration creates a table whose foreign key names a table made later); one pair of it is proven
 * with that session setting, where the server stores a key added in place with {@code RESTRICT} as
 * {@code NO ACTION}.
 */
class MysqlPlanCorpusTest {

    /** V0005, before the consistency and constraint fixes, to V0017: tables, columns and foreign keys all change. */
    private static final int FIRST = 4;
    private static final int STRIDE = 12;
    private static final Dialect MYSQL = Dialects.byId("mysql");

    private static final SessionSettings KEY_CHECKS_OFF = new SessionSettings(Map.of("foreign_key_checks", "0"));

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = MYSQL.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }


    private static List<String> problems(Path folder) {
        List<Migration> migrations = MigrationDiscovery.discover(folder, Layout.AUTO, Dialects.names(MYSQL)).migrations();
        return problems(folder, server, migrations.get(FIRST).version().text(),
                migrations.get(FIRST + STRIDE).version().text());
    }

    private static List<String> problems(Path folder, DatabaseServer on, String a, String b) {
        DiffRun.DiffOptions options = new DiffRun.DiffOptions(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION),
                Layout.AUTO, SnapshotOptions.full(), false, true, 5);
        List<String> problems = new ArrayList<>();
        for (String[] pair : new String[][] {{a, b}, {b, a}}) {
            String from = folder + "@" + pair[0];
            String to = folder + "@" + pair[1];
            PlanProof proof = DiffRun.planned(MYSQL, on, from, to, options).proof();
            String step = pair[0] + " -> " + pair[1];
            proof.problems().forEach(problem -> problems.add(step + ": " + problem + "\n" + proof.plan().script()));
        }
        return problems;
    }

    @Test
    void autheliasHistoryIsPlannedAndProvenBothWays() {
        assertThat(problems(Corpus.folder("authelia-migrations/internal/storage/migrations/mysql"))).isEmpty();
    }

    @Test
    void vaultwardensHistoryWithForeignKeyChecksOffIsPlannedAndProvenBothWays() {
        Path folder = Corpus.folder("vaultwarden-migrations/migrations/mysql");
        try (DatabaseServer checksOff = MYSQL.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION)
                .withSession(KEY_CHECKS_OFF))) {
            assertThat(problems(folder, checksOff, "2021-04-30-233251", "2023-01-06-151600")).isEmpty();
        }
    }
}
