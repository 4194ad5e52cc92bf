package dev.schemagate.cli;

import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOperators;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.mutation.Mutator;
import dev.schemagate.mutation.Verdict;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mutate --since REF} on a real git repository: only the migrations the branch adds are
 * mutated and run; the history on the ref is applied once, as verify's {@code --since} cuts it.
 */
class MutateSinceTest {

    private static final String DIR = "db/migrations/";

    @Test
    void onlyTheMigrationTheBranchAddsIsMutated(@TempDir Path root) {
        GitRepo repo = GitRepo.init(root)
                .write(DIR + "1_items.up.sql", "CREATE TABLE items (\n  id bigint PRIMARY KEY,\n  name text NOT NULL CHECK (name <> '')\n);\n")
                .write(DIR + "1_items.down.sql", "DROP TABLE items;\n")
                .commit("history")
                .git("checkout", "-q", "-b", "index")
                .write(DIR + "2_index.up.sql", "CREATE INDEX items_name ON items (name);\n")
                .write(DIR + "2_index.down.sql", "DROP INDEX items_name;\n")
                .commit("index");
        Path migrations = repo.path(DIR);
        VerifyOptions gate = VerifyOptions.of(migrations).withSince("main");

        MutationResult result = new MutationRun(r -> { })
                .runOn(new MutationOptions(gate, 1, 0, 1, Duration.ofMinutes(2), null, root, 0), TestServer.shared());

        MigrationSet set = MigrationDiscovery.discover(migrations, gate.layout(), DialectNames.of(new PostgresDialect().fileNameAliases()),
                gate.settings());
        assertThat(new Mutator(new PostgresDialect().splitter(), MutationOperators.forDialect("postgres"), migrations)
                .mutants(set, HistoryCut.none())).as("without the cut the history has mutants of its own")
                .anyMatch(m -> m.file().getFileName().toString().startsWith("1_"));
        assertThat(result.results()).isNotEmpty().hasSize(result.generated())
                .allSatisfy(r -> assertThat(r.mutant().file().getFileName().toString()).startsWith("2_index."))
                .allSatisfy(r -> assertThat(r.verdict()).as(r.mutant().summary() + " " + r.note())
                        .isIn(Verdict.KILLED, Verdict.SURVIVED, Verdict.EQUIVALENT));
        MutantResult down = result.results().stream().filter(r -> r.mutant().operator().id().equals("rollback.drop-statement"))
                .findFirst().orElseThrow();
        assertThat(down.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(down.caughtBy()).anyMatch(f -> f.ruleId().startsWith("reversibility."));
    }
}
