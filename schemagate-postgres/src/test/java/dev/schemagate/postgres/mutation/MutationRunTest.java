package dev.schemagate.postgres.mutation;

import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.mutation.Verdict;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate run on the mutants of a tiny history, on the shared embedded PostgreSQL: each verdict is
 * given for the reason it claims.
 */
class MutationRunTest {

    @TempDir
    static Path dir;

    private static MutationResult result;

    @BeforeAll
    static void mutate() throws IOException {
        Files.writeString(dir.resolve("1_items.up.sql"), "CREATE TABLE items (\n  id int NOT NULL PRIMARY KEY CHECK (id > 0),\n  name text\n);\n");
        Files.writeString(dir.resolve("1_items.down.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("2_index.up.sql"), "CREATE INDEX items_name ON items (name);\n");
        Files.writeString(dir.resolve("2_index.down.sql"), "DROP INDEX items_name;\n");
        String testCommand = "grep -q 'CHECK (id > 0)' 1_items.up.sql";
        MutationOptions options = new MutationOptions(VerifyOptions.of(dir), 2, 0, 1, Duration.ofMinutes(2), testCommand, dir, 50);
        result = new MutationRun(r -> { }).runOn(options, TestServer.shared());
    }

    @Test
    void aDownScriptThatNoLongerDropsTheTableIsKilledByTheReversibilityCheck() {
        assertThat(one("rollback.drop-statement", "1_items.down.sql")).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.KILLED);
            assertThat(r.caughtBy()).anyMatch(f -> f.ruleId().startsWith("reversibility."));
        });
    }

    @Test
    void aRenamedColumnThatALaterMigrationUsesIsKilledWhenTheLaterMigrationFails() {
        MutantResult renamed = result.results().stream().filter(r -> r.mutant().summary().equals("column name → name_renamed"))
                .findFirst().orElseThrow();
        assertThat(renamed.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(renamed.caughtBy()).singleElement().satisfies(f -> assertThat(f.location().file().getFileName().toString()).isEqualTo("2_index.up.sql"));
    }

    @Test
    void aDroppedCheckPassesTheGateWithoutAnExpectedSchemaAndIsKilledByTheProjectsTestCommand() {
        MutantResult check = one("schema.drop-check", "1_items.up.sql");
        assertThat(check.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(check.caughtBy()).isEmpty();
        assertThat(check.note()).isEqualTo("the test command exited 1");
        assertThat(check.mutant().diff()).contains("-  id int NOT NULL PRIMARY KEY CHECK (id > 0),").contains("+  id int NOT NULL PRIMARY KEY,");
    }

    @Test
    void aNarrowerTypeSurvivesTheGateAndTheTestCommandAndIsListedWithItsDiff() {
        MutantResult type = result.results().stream().filter(r -> r.mutant().summary().equals("type int → smallint")).findFirst().orElseThrow();
        assertThat(type.verdict()).isEqualTo(Verdict.SURVIVED);
        assertThat(result.survivors()).contains(type);
        assertThat(type.mutant().diff()).contains("+  id smallint NOT NULL PRIMARY KEY CHECK (id > 0),");
    }

    @Test
    void droppingNotNullFromAPrimaryKeyColumnIsEquivalentAndLeftOutOfTheScore() {
        MutantResult notNull = one("schema.drop-not-null", "1_items.up.sql");
        assertThat(notNull.verdict()).isEqualTo(Verdict.EQUIVALENT);
        assertThat(result.overall().scored()).isEqualTo(result.results().size() - result.overall().equivalent());
    }

    @Test
    void scoresAddUpAndTheThresholdDecides() {
        assertThat(result.overall().total()).isEqualTo(result.results().size());
        assertThat(result.byCategory().values().stream().mapToInt(s -> s.total()).sum()).isEqualTo(result.results().size());
        assertThat(result.passed()).isEqualTo(result.overall().killRate() >= 50);
        assertThat(result.cloning()).isNotBlank();
    }

    private static MutantResult one(String operator, String file) {
        List<MutantResult> of = result.results().stream()
                .filter(r -> r.mutant().operator().id().equals(operator) && r.mutant().file().getFileName().toString().equals(file)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }
}
