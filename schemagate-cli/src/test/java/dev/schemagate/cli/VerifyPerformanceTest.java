package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.PerformanceFindings;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.engine.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --checks apply,performance} on the shared server: the long-lock page's Bad migration
 * (a rewrite) is reported at its line with the extrapolation, its Good one (catalog only) is not; a
 * migration slowed after its baseline was written is a regression.
 */
class VerifyPerformanceTest {

    private static final String URL_OPTION = "--db-url";

    @TempDir
    static Path dir;
    private static String server;

    @BeforeAll
    static void server() {
        server = Examples.sharedServerUrl();
    }

    @Test
    void theRewriteHoldsItsLockLongAtProductionSizeAndTheCatalogChangeDoesNot() throws IOException {
        Path migrations = folder("lock", section("Given"), section("Bad"), section("Good").replace("stamped", "stamped_later"));

        VerifyResult result = verify(migrations);

        assertThat(result.findings()).filteredOn(f -> f.ruleId().startsWith("performance.")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(PerformanceFindings.LONG_LOCK);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().file().getFileName()).hasToString("0002_step.sql");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.message()).startsWith("rewrites orders: about ").contains(" at 10,000,000 rows (linear)")
                    .contains("holding ACCESS EXCLUSIVE on orders");
            assertThat(f.evidence()).anySatisfy(line -> assertThat(line).startsWith("measured: 1,000 rows "));
            assertThat(f.evidence()).anySatisfy(line -> assertThat(line).startsWith("model: linear, R² "));
        });
    }

    @Test
    void aMigrationSlowedAfterItsBaselineIsARegression() throws IOException {
        Path migrations = folder("slowed", section("Given"), "UPDATE orders SET note = 'checked';\n");
        CommandRun baseline = CommandRun.of("profile", migrations.toString(), URL_OPTION, server, "--rows", "1000,10000",
                "--repeat", "1", "--write-baseline", "--out", dir.resolve("slowed-out").toString());
        Files.writeString(migrations.resolve("0002_step.sql"), "UPDATE orders SET note = 'checked';\n"
                + "SELECT pg_sleep(count(*) / 20000.0) FROM orders;\n");

        VerifyResult result = verify(migrations);

        assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(ExitCode.OK);
        assertThat(migrations.resolve("schemagate-baseline.json")).exists();
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(PerformanceFindings.REGRESSION))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .anySatisfy(f -> {
                    assertThat(f.location().file().getFileName()).hasToString("0002_step.sql");
                    assertThat(f.message()).startsWith("the whole migration is ").contains("slower than the baseline at 10,000 rows");
                });
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(PerformanceFindings.LONG_LOCK);
    }

    @Test
    void everyPerformanceRuleHasItsPage() throws IOException {
        for (String rule : List.of(PerformanceFindings.LONG_LOCK, PerformanceFindings.REGRESSION, PerformanceFindings.UNAVAILABLE)) {
            Path page = Examples.root().getParent().resolve("docs/rules/" + rule + ".md");
            assertThat(Files.readString(page)).as(page.toString()).startsWith("# `" + rule + "`\n\n**Check:** performance");
        }
    }

    private static VerifyResult verify(Path migrations) {
        return new Verifier(ProgressListener.NONE).verify(VerifyOptions.of(migrations)
                .withChecks(EnumSet.of(CheckName.APPLY, CheckName.PERFORMANCE))
                .withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, server)));
    }

    private static String section(String name) throws IOException {
        Path page = Examples.root().getParent().resolve("docs/rules/" + PerformanceFindings.LONG_LOCK + ".md");
        Matcher m = Pattern.compile("## " + name + "\\n\\n```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
        assertThat(m.find()).as(page + " has a " + name + " example").isTrue();
        return m.group(1);
    }

    private static Path folder(String name, String... scripts) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<String> names = List.of("0001_orders.sql", "0002_step.sql", "0003_step.sql");
        for (int i = 0; i < scripts.length; i++) {
            Files.writeString(folder.resolve(names.get(i)), scripts[i]);
        }
        return folder;
    }
}
