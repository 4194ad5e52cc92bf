package dev.schemagate.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.profile.CostModel;
import dev.schemagate.profile.MigrationProfile;
import dev.schemagate.profile.ProfileResult;
import dev.schemagate.profile.Regression;
import dev.schemagate.profile.StatementProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schemagate profile} on migrations whose cost is known, at a tiny ladder: a catalog-only
 * change is constant, a rewrite grows with the rows, an index build is timed; a statement slowed on
 * purpose is a regression against the baseline (exit 1), and a noisy statement run again is not.
 */
class ProfileCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String TABLE = "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL,"
            + " total numeric(10,2) NOT NULL CHECK (total >= 0), note text);\n";

    @TempDir
    static Path dir;
    private static String server;

    @BeforeAll
    static void server() {
        server = Examples.sharedServerUrl();
    }

    @Test
    void catalogOnlyIsConstantARewriteIsLinearAndAnIndexBuildGrows() throws IOException {
        Path migrations = folder("classes", TABLE,
                "ALTER TABLE orders ADD COLUMN flag boolean;\n",
                "ALTER TABLE orders ADD COLUMN stamped timestamptz NOT NULL DEFAULT clock_timestamp();\n",
                "CREATE INDEX orders_customer_total ON orders (customer, total);\n");

        // sizes large enough, and runs enough, that a statement's fixed cost and a slow sample do not bend the fit
        CommandRun run = profile(migrations, "classes", "--rows", "2000,8000,32000", "--repeat", "5", "--at-rows", "100000000");
        ProfileResult result = result("classes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        StatementProfile catalog = statement(result, "0002");
        StatementProfile rewrite = statement(result, "0003");
        StatementProfile index = statement(result, "0004");
        assertThat(catalog.fit().model()).as(catalog.toString()).isEqualTo(CostModel.CONSTANT);
        assertThat(catalog.heldFit().model()).as("nothing after it grows: its lock is held a constant time").isEqualTo(CostModel.CONSTANT);
        assertThat(catalog.rewrites()).isEmpty();
        assertThat(catalog.locks()).containsExactly("ACCESS EXCLUSIVE on orders");
        assertThat(rewrite.rewrites()).containsExactly("orders");
        assertThat(rewrite.fit().model()).as(rewrite.toString()).isEqualTo(CostModel.LINEAR);
        assertThat(rewrite.logBytes().get(32000)).isGreaterThan(rewrite.logBytes().get(2000) * 4);
        assertThat(index.indexes()).containsExactly("orders_customer_total on orders");
        assertThat(index.fit().model()).as(index.toString()).isIn(CostModel.LINEAR, CostModel.N_LOG_N);
        assertThat(index.locks()).containsExactly("SHARE on orders");
        assertThat(result.fills()).allSatisfy(fill -> assertThat(fill.inserted()).isEqualTo(fill.rows()));
        assertThat(run.out()).contains("rewrites orders: about ").contains(" at 100,000,000 rows (linear), holding ACCESS EXCLUSIVE on orders");
    }

    @Test
    void aStatementSlowedOnPurposeIsARegressionAndTheBaselineRecordsTheMachine() throws IOException {
        Path migrations = folder("slowed", TABLE, "UPDATE orders SET note = 'checked';\n");
        Path baseline = dir.resolve("slowed-baseline.json");

        CommandRun first = profile(migrations, "slowed", "--rows", "1000,4000", "--baseline-file", baseline.toString(), "--write-baseline");
        Files.writeString(migrations.resolve("0002_step.sql"), "UPDATE orders SET note = 'checked';\n"
                + "SELECT pg_sleep(count(*) / 20000.0) FROM orders;\n");
        CommandRun second = profile(migrations, "slowed", "--rows", "1000,4000", "--baseline-file", baseline.toString(),
                "--history", dir.resolve("slowed-history.json").toString());
        ProfileResult result = result("slowed");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(baseline.toFile()).at("/machine/database").asText()).startsWith("PostgreSQL 17")
                .isEqualTo(result.machine().database());
        assertThat(JSON.readTree(baseline.toFile()).at("/migrations/1/statements/0/time/4000/median").asDouble()).isPositive();
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(result.regressions()).extracting(Regression::file, Regression::line, Regression::rows)
                .contains(org.assertj.core.groups.Tuple.tuple("0002_step.sql", 0, 4000));
        assertThat(result.regressions()).allSatisfy(r -> assertThat(r.median() - r.baseline()).isGreaterThan(r.noise()));
        assertThat(second.out()).contains("0002_step.sql: error: the whole migration became slower at 4,000 rows");
        assertThat(dir.resolve("slowed-history.csv")).content().startsWith("taken,version,file,line,rows,median_ms,spread_ms,regressions\n");
    }

    @Test
    void aNoisyStatementRunAgainIsNoRegression() throws IOException {
        Path migrations = folder("noisy", TABLE, "SELECT pg_sleep(random() * 0.04);\n");
        Path baseline = dir.resolve("noisy-baseline.json");

        CommandRun first = profile(migrations, "noisy", "--rows", "1000", "--repeat", "5", "--baseline-file", baseline.toString(),
                "--write-baseline");
        CommandRun second = profile(migrations, "noisy", "--rows", "1000", "--repeat", "5", "--baseline-file", baseline.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(result("noisy").regressions()).isEmpty();
        assertThat(result("noisy").comparison()).startsWith("compared with " + baseline);
    }

    @Test
    void badOptionsAreInputErrorsBeforeAnythingRuns() throws IOException {
        Path migrations = folder("bad", TABLE);

        CommandRun descending = CommandRun.of("profile", migrations.toString(), "--rows", "4000,1000");
        CommandRun format = CommandRun.of("profile", migrations.toString(), "--format", "sarif");

        assertThat(descending.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(descending.err()).contains("--rows sizes must ascend");
        assertThat(format.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(format.err()).contains("--format 'sarif' is not a profile format");
    }

    private static CommandRun profile(Path migrations, String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("profile", migrations.toString(), "--db-url", server,
                "--format", "console,json,html", "--out", dir.resolve(name + "-out").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--repeat")) {
            args.addAll(List.of("--repeat", "3"));
        }
        return CommandRun.of(args.toArray(String[]::new));
    }

    private static ProfileResult result(String name) throws IOException {
        return JSON.readValue(dir.resolve(name + "-out/profile.json").toFile(), ProfileResult.class);
    }

    private static StatementProfile statement(ProfileResult result, String version) {
        MigrationProfile migration = result.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow();
        return migration.statements().get(0);
    }

    private static Path folder(String name, String... scripts) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        String[] names = {"0001_orders.sql", "0002_step.sql", "0003_step.sql", "0004_step.sql"};
        for (int i = 0; i < scripts.length; i++) {
            Files.writeString(folder.resolve(names[i]), scripts[i]);
        }
        return folder;
    }
}
