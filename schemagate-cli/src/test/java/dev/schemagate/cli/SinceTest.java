package dev.schemagate.cli;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.history.HistoryFindings;
import dev.schemagate.history.ReleaseCheck;
import dev.schemagate.migration.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --since REF} on real git repositories: a history on main, and branches that add migrations
 * well, or edit, delete, rename and misplace the history's.
 */
class SinceTest {

    private static final String URL = Examples.sharedServerUrl();
    private static final String DIR = "db/migrations/";

    /** Main: four migrations, the first without a down script, the third indexing an existing table in place. */
    private static GitRepo history(Path root) {
        return GitRepo.init(root)
                .write(DIR + "10_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n")
                .write(DIR + "20_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n")
                .write(DIR + "20_orders.down.sql", "DROP TABLE orders;\n")
                .write(DIR + "30_items.up.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\nCREATE INDEX users_email ON users (email);\n")
                .write(DIR + "30_items.down.sql", "DROP INDEX users_email;\nDROP TABLE items;\n")
                .write(DIR + "40_tags.up.sql", "CREATE TABLE tags (id bigint PRIMARY KEY, label text);\n")
                .write(DIR + "40_tags.down.sql", "DROP TABLE tags;\n")
                .write("pom.xml", "<project><version>1.0.0</version></project>\n")
                .write("CHANGELOG.md", "# Changelog\n\n## 1.0.0\n- first\n")
                .commit("history");
    }

    @Test
    void aCleanChangeIsCheckedAloneAndTheHistoryIsOnlyApplied(@TempDir Path root) {
        GitRepo repo = history(root).git("checkout", "-q", "-b", "audit")
                .write(DIR + "50_audit.up.sql", "CREATE TABLE audit (id bigint PRIMARY KEY, what text);\n"
                        + "ALTER TABLE audit ADD COLUMN at timestamptz DEFAULT clock_timestamp();\n")
                .write(DIR + "50_audit.down.sql", "DROP TABLE audit;\n")
                .write(DIR + "60_audit_index.up.sql", "CREATE INDEX audit_at ON audit (at);\n")
                .write(DIR + "60_audit_index.down.sql", "DROP INDEX audit_at;\n")
                .write("pom.xml", "<project><version>1.1.0</version></project>\n")
                .write("CHANGELOG.md", "# Changelog\n\n## 1.1.0\n- audit\n\n## 1.0.0\n- first\n")
                .commit("audit");

        VerifyResult gated = verify(repo.path(DIR), options -> options.withSince("main"));

        assertThat(gated.findings()).as(describe(gated)).isEmpty();
        assertThat(gated.passed()).isTrue();
        assertThat(gated.history()).isEqualTo(4);
        assertThat(gated.checked()).isEqualTo(2);
        assertThat(gated.runs()).filteredOn(MigrationRun::history).extracting(run -> run.migration().version().text())
                .containsExactly("10", "20", "30", "40");
        assertThat(gated.runs()).filteredOn(run -> !run.history())
                .allMatch(run -> run.reversal() == MigrationRun.Reversal.REVERSED);

        VerifyResult whole = verify(repo.path(DIR), options -> options);
        assertThat(whole.findings()).extracting(Finding::ruleId)
                .as("without the cut the history's missing down, its in-place index and the change's own index on its new table are reported")
                .contains("reversibility.missing-down", "lint.add-index-non-concurrently");
        assertThat(whole.findings()).filteredOn(f -> f.ruleId().equals("lint.add-index-non-concurrently"))
                .extracting(f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder("30_items.up.sql", "60_audit_index.up.sql");
    }

    @Test
    void editedDeletedRenamedAndMisplacedHistoryIsCaught(@TempDir Path root) {
        GitRepo repo = history(root).git("checkout", "-q", "-b", "messy")
                .write(DIR + "20_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);\n")
                .git("rm", "-q", DIR + "30_items.up.sql", DIR + "30_items.down.sql")
                .git("mv", DIR + "40_tags.up.sql", DIR + "45_tags.up.sql")
                .git("mv", DIR + "40_tags.down.sql", DIR + "45_tags.down.sql")
                .write(DIR + "15_late.up.sql", "CREATE TABLE late (id bigint PRIMARY KEY);\n")
                .write(DIR + "15_late.down.sql", "DROP TABLE late;\n")
                .write(DIR + "50_email.up.sql", "CREATE INDEX users_email_id ON users (email, id);\n")
                .write(DIR + "50_email.down.sql", "DROP INDEX users_email_id;\n")
                .commit("messy");

        VerifyResult result = verify(repo.path(DIR), options -> options.withSince("main"));

        assertThat(result.passed()).isFalse();
        assertThat(result.history()).isEqualTo(2);
        assertThat(result.checked()).isEqualTo(3);
        Finding edited = only(result, HistoryFindings.EDITED);
        assertThat(edited.location().file()).isEqualTo(repo.path(DIR + "20_orders.up.sql"));
        assertThat(edited.evidence()).contains("-CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);",
                "+CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(HistoryFindings.DELETED))
                .extracting(f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder("30_items.up.sql", "30_items.down.sql");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(HistoryFindings.RENAMED))
                .extracting(f -> f.location().file().getFileName().toString())
                .containsExactlyInAnyOrder("45_tags.up.sql", "45_tags.down.sql");
        Finding misplaced = only(result, HistoryFindings.OUT_OF_ORDER);
        assertThat(misplaced.location().file().getFileName()).hasToString("15_late.up.sql");
        assertThat(misplaced.message()).contains("sorts before 20");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("lint.add-index-non-concurrently"))
                .extracting(f -> f.location().file().getFileName().toString()).containsExactly("50_email.up.sql");
        assertThat(result.findings()).extracting(Finding::ruleId)
                .contains(ReleaseCheck.VERSION_NOT_BUMPED, ReleaseCheck.CHANGELOG_NOT_UPDATED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().startsWith("release."))
                .allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void theBaselineCutsEveryCheckWithoutGit(@TempDir Path root) {
        Path dir = history(root).path(DIR);

        VerifyResult result = verify(dir, options -> options.withBaseline(Version.parse("30")));

        assertThat(result.history()).isEqualTo(3);
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.cut().origin()).isEqualTo("baseline 30");
    }

    @Test
    void theConsoleSaysHowManyMigrationsWereHistory(@TempDir Path root) {
        GitRepo repo = history(root).git("checkout", "-q", "-b", "one")
                .write(DIR + "50_audit.up.sql", "CREATE TABLE audit (id bigint PRIMARY KEY);\n")
                .write(DIR + "50_audit.down.sql", "DROP TABLE audit;\n")
                .commit("one");

        CommandRun run = CommandRun.of("verify", repo.path(DIR).toString(), "--since", "main", "--db-url", URL,
                "--format", "console,json", "--out", root.resolve("out").toString());

        assertThat(run.out()).as(run.toString())
                .contains("(golang-migrate layout, 5 migrations: 4 history (main), 1 to check)")
                .contains("· 4 history migrations applied (")
                .contains("5 of 5 migrations applied (4 history at main, 1 checked)")
                .contains("CHANGELOG.md: warning: the change adds 1 new migration but CHANGELOG.md is as at main");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void withoutTheRevisionTheRunIsAnInputErrorThatSaysWhatToDo(@TempDir Path root) {
        GitRepo origin = history(root.resolve("origin")).git("checkout", "-q", "-b", "feature")
                .write(DIR + "50_audit.up.sql", "CREATE TABLE audit (id bigint PRIMARY KEY);\n").commit("feature");

        CommandRun unknown = CommandRun.of("verify", origin.path(DIR).toString(), "--since", "origin/mian");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(unknown.err()).contains("--since origin/mian: no such branch, tag or commit in this clone")
                .contains("git fetch origin mian");

        GitRepo shallow = GitRepo.shallowClone(origin, "feature", root.resolve("ci"));
        CommandRun ci = CommandRun.of("verify", shallow.path(DIR).toString(), "--since", "origin/main");
        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(ci.err()).contains("this is a shallow clone and it does not hold origin/main")
                .contains("fetch-depth: 0").contains("git fetch origin main");

        Path plain = root.resolve("plain");
        GitRepo.writeFile(plain.resolve("1_a.up.sql"), "SELECT 1;");
        CommandRun notRepo = CommandRun.of("lint", "--static", plain.toString(), "--since", "main");
        assertThat(notRepo.exitCode()).as(notRepo.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(notRepo.err()).contains("is not inside a git repository").contains("--baseline VERSION");
    }

    @Test
    void lintSinceJudgesOnlyTheChange(@TempDir Path root) {
        GitRepo repo = history(root).git("checkout", "-q", "-b", "lint")
                .write(DIR + "50_email.up.sql", "CREATE INDEX users_email_id ON users (email, id);\n")
                .commit("lint");

        CommandRun run = CommandRun.of("lint", "--static", repo.path(DIR).toString(), "--since", "main");

        assertThat(run.out()).as(run.toString()).contains("5 migrations: 4 history (main), 1 to check")
                .contains("50_email.up.sql:1:1: ").doesNotContain("30_items.up.sql");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void theTeamsNamingPatternJudgesOnlyTheNewFiles(@TempDir Path root) {
        GitRepo repo = history(root).git("checkout", "-q", "-b", "names")
                .write(DIR + "schemagate.yml", "lint:\n  naming:\n    pattern: '^[5-9]\\d_[a-z]+$'\n")
                .write(DIR + "50_audit.up.sql", "CREATE TABLE audit (id bigint PRIMARY KEY);\n")
                .write(DIR + "60_Audit_Index.up.sql", "CREATE INDEX audit_id ON audit (id);\n")
                .commit("names");

        CommandRun run = CommandRun.of("lint", "--static", repo.path(DIR).toString(), "--since", "main");

        assertThat(run.out()).as(run.toString())
                .contains("60_Audit_Index.up.sql: error: file name '60_Audit_Index' does not match the naming pattern")
                .doesNotContain("50_audit.up.sql: file name").doesNotContain("10_users.up.sql: file name");
    }

    private static VerifyResult verify(Path dir, java.util.function.UnaryOperator<VerifyOptions> adjust) {
        VerifyOptions options = VerifyOptions.of(dir).withServer(new ServerOptions(ServerOptions.DEFAULT_VERSION, URL))
                .withChecks(CheckName.defaults()).withRows(5, 1);
        return new Verifier(ProgressListener.NONE).verify(adjust.apply(options));
    }

    private static Finding only(VerifyResult result, String ruleId) {
        List<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(found).as(describe(result)).hasSize(1);
        return found.get(0);
    }

    private static String describe(VerifyResult result) {
        return String.join("\n", result.findings().stream().map(f -> f.ruleId() + " " + f.location() + " " + f.message()).toList());
    }
}
