package dev.schemagate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.mysql.MysqlDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that starts a database makes the session settings of {@code --session} and of the
 * {@code session:} section of {@code schemagate.yml} on MySQL, and refuses them, naming them, on a
 * dialect that makes none. The honoured case rests on a setting with an effect: with
 * {@code foreign_key_checks=0} a table may name a parent that a later migration creates.
 */
class SessionSettingsCommandTest {

    private static DatabaseServer server;
    private static ScratchDatabase anchor;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new MysqlDialect().start(ServerOptions.embedded(""));
        anchor = server.createDatabase();
        url = anchor.jdbcUrl().substring(0, anchor.jdbcUrl().lastIndexOf('/') + 1) + "?user=" + anchor.username()
                + "&password=" + anchor.password();
    }

    @AfterAll
    static void stop() {
        anchor.close();
        server.close();
    }

    @Test
    void snapshotMakesTheSettingsOfTheCommandLineAndOfTheConfigFile() throws IOException {
        Path folder = childBeforeParent("cli");
        Path json = dir.resolve("schema.json");

        CommandRun without = mysql("snapshot", folder.toString());
        CommandRun flag = mysql("snapshot", folder.toString(), "-o", json.toString(), "--session", "foreign_key_checks=0");
        Files.writeString(folder.resolve("schemagate.yml"), "session:\n  foreign_key_checks: 0\n");
        CommandRun file = mysql("snapshot", folder.toString(), "-o", dir.resolve("file.json").toString());

        assertThat(without.exitCode()).as(without.toString()).isNotZero();
        assertThat(flag.exitCode()).as(flag.toString()).isZero();
        Snapshot snapshot = SnapshotJson.fromJson(Files.readString(json));
        assertThat(snapshot.tables()).extracting(t -> t.name()).containsExactlyInAnyOrder("child", "parent");
        assertThat(file.exitCode()).as(file.toString()).isZero();
    }

    @Test
    void diffMakesTheSettingsOfTheConfigFileOfItsFolder() throws IOException {
        Path folder = childBeforeParent("diff");
        Files.writeString(folder.resolve("schemagate.yml"), "session:\n  foreign_key_checks: 0\n");

        CommandRun run = mysql("diff", folder + "@1", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("parent");
    }

    @Test
    void driftMakesTheSettingsOfTheCommandLine() throws IOException {
        Path folder = childBeforeParent("drift");

        CommandRun run = mysql("drift", "--expected", folder.toString(), "--actual", folder.toString(),
                "--session", "foreign_key_checks=0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void lintMakesTheSettingsOfTheConfigFileOnTheDatabaseItObservesOn() throws IOException {
        Path folder = childBeforeParent("lint");
        // only the first migration: lint fills the tables before each one, and a row of child needs a parent
        Files.delete(folder.resolve("2_parent.up.sql"));
        Files.delete(folder.resolve("2_parent.down.sql"));
        Path without = dir.resolve("without");
        Path with = dir.resolve("with");
        CommandRun first = mysql("lint", folder.toString(), "--format", "json", "--out", without.toString());
        Files.writeString(folder.resolve("schemagate.yml"), "session:\n  foreign_key_checks: 0\n");

        CommandRun second = mysql("lint", folder.toString(), "--format", "json", "--out", with.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(ruleIds(without)).contains("lint.observation-stopped");
        assertThat(ruleIds(with)).doesNotContain("lint.observation-stopped");
    }

    private static List<String> ruleIds(Path out) throws IOException {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("findings").forEach(f -> ids.add(f.path("ruleId").asText()));
        return ids;
    }

    @Test
    void aSettingTheServerDoesNotKnowIsRefusedByItInEveryCommand() throws IOException {
        Path folder = childBeforeParent("unknown");
        List<CommandRun> runs = new ArrayList<>();
        runs.add(mysql("snapshot", folder.toString(), "--session", "foreign_key_chekcs=0"));
        runs.add(mysql("lint", folder.toString(), "--session", "foreign_key_chekcs=0"));

        for (CommandRun run : runs) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(run.err()).as(run.toString()).contains("foreign_key_chekcs");
        }
    }

    @Test
    void everyCommandRefusesTheCommandLinesSettingsOnADialectThatMakesNone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("sqlite"));
        Files.writeString(folder.resolve("1_a.up.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        Files.writeString(folder.resolve("1_a.down.sql"), "DROP TABLE a;\n");
        String[] session = {"--dialect", "sqlite", "--session", "foreign_key_checks=0", "--out", dir.resolve("out").toString()};
        List<String[]> commands = List.of(
                args(List.of("verify", folder.toString()), session),
                args(List.of("lint", folder.toString()), session),
                args(List.of("mutate", folder.toString()), session),
                args(List.of("snapshot", folder.toString()), session),
                args(List.of("diff", folder + "@1", folder.toString()), session),
                args(List.of("drift", "--expected", folder.toString(), "--actual", folder.toString()), session));

        assertRefusedByEach(commands, "the sqlite dialect makes no session settings, but the run asks for foreign_key_checks (--session)");
    }

    @Test
    void everyCommandRefusesTheConfigFilesSettingsOnADialectThatMakesNone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(folder.resolve("1_a.up.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
        Files.writeString(folder.resolve("1_a.down.sql"), "DROP TABLE a;\n");
        Path config = Files.writeString(folder.resolve("schemagate.yml"), "session:\n  time_zone: \"+00:00\"\n");
        String[] options = {"--dialect", "postgres", "--out", dir.resolve("out").toString()};
        List<String[]> commands = List.of(
                args(List.of("verify", folder.toString()), options),
                args(List.of("lint", folder.toString()), options),
                args(List.of("mutate", folder.toString()), options),
                args(List.of("profile", folder.toString()), options),
                args(List.of("snapshot", folder.toString()), options),
                args(List.of("diff", folder + "@1", folder.toString()), options),
                args(List.of("drift", "--expected", folder.toString(), "--actual", folder.toString(), "--config", config.toString()),
                        options));

        assertRefusedByEach(commands, "the postgres dialect makes no session settings, but the run asks for "
                + "time_zone (session: in " + config + ")");
    }

    private static void assertRefusedByEach(List<String[]> commands, String message) {
        for (String[] command : commands) {
            CommandRun run = CommandRun.of(command);
            assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run).isEqualTo(ExitCode.INPUT);
            assertThat(run.err()).as(command[0]).contains(message);
        }
    }

    private static String[] args(List<String> command, String[] options) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(options));
        if (command.get(0).equals("snapshot") || command.get(0).equals("diff") || command.get(0).equals("drift")) {
            int out = all.indexOf("--out");
            if (out >= 0) {
                all.remove(out);
                all.remove(out);
            }
        }
        return all.toArray(String[]::new);
    }

    private CommandRun mysql(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dialect", "mysql", "--db-url", url));
        return CommandRun.of(all.toArray(String[]::new));
    }

    /** Migrations whose first table names a parent the second creates, as a runner with foreign_key_checks=0 lets it. */
    private Path childBeforeParent(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("1_child.up.sql"), "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT,\n"
                + "  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));\n");
        Files.writeString(folder.resolve("1_child.down.sql"), "DROP TABLE child;\n");
        Files.writeString(folder.resolve("2_parent.up.sql"), "CREATE TABLE parent (id INT PRIMARY KEY);\n");
        Files.writeString(folder.resolve("2_parent.down.sql"), "DROP TABLE parent;\n");
        return folder;
    }
}
