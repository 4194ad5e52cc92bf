package dev.schemagate.cli;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.EarlyServer;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot} and {@code diff} begin their embedded server's start before the command line is
 * read ({@link EarlyStart}): the command takes that server when it asks for the same one, and a
 * server nobody took, or one started for a command line that turns out wrong, leaves no process
 * behind. The tests that count processes hold the global lock, so that no other test starts or
 * stops a server meanwhile.
 */
class EarlyServerTest {

    @TempDir
    Path dir;

    @Test
    @ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
    void snapshotAndDiffTakeTheServerStartedEarlyAndStopIt() throws Exception {
        String a = Files.writeString(dir.resolve("a.sql"), "CREATE TABLE early (id bigint PRIMARY KEY);\n").toString();
        String b = Files.writeString(dir.resolve("b.sql"), "CREATE TABLE early (id bigint PRIMARY KEY, name text);\n").toString();

        for (String[] line : List.of(new String[] {"snapshot", a}, new String[] {"diff", a, b})) {
            Set<Long> before = postgresProcesses();
            EarlyServer early = EarlyStart.begin(line);
            StringWriter out = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), line);
            boolean taken = early.taken();
            early.close();

            assertThat(code).as(line[0]).isEqualTo(line[0].equals("diff") ? ExitCode.FINDINGS : ExitCode.OK);
            assertThat(out.toString()).as(line[0]).contains(line[0].equals("diff") ? "+ column name" : "CREATE TABLE public.early");
            assertThat(taken).as(line[0] + " used the server started early").isTrue();
            assertThat(postgresProcesses()).as(line[0]).isSubsetOf(before);
        }
    }

    @Test
    @ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
    void aServerWithOtherTimeoutsIsNotTakenAndIsStopped() throws Exception {
        Path schema = Files.writeString(dir.resolve("a.sql"), "CREATE TABLE other (id bigint PRIMARY KEY);\n");
        Set<Long> before = postgresProcesses();

        Timeouts other = new Timeouts(Duration.ofSeconds(7), Duration.ofSeconds(3));
        EarlyServer early = EarlyServer.offer("postgres", new EarlyServer.Plan() {
            @Override
            public Dialect dialect() {
                return new PostgresDialect();
            }

            @Override
            public ServerOptions options() {
                return new ServerOptions(ServerOptions.DEFAULT_VERSION, null, other);
            }
        });
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "snapshot", schema.toString());
        boolean taken = early.taken();
        early.close();

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(taken).as("the command asks for the default timeouts").isFalse();
        assertThat(postgresProcesses()).isSubsetOf(before);
    }

    @Test
    void noServerStartsWhenTheCommandLineSaysNoneIsWanted() throws IOException {
        String sql = Files.writeString(dir.resolve("a.sql"), "CREATE TABLE a (id int);\n").toString();
        String json = Files.writeString(dir.resolve("a.json"), "{}").toString();
        List<List<String>> lines = List.of(List.of("snapshot", "--help"), List.of("diff", sql, sql, "--version"),
                List.of("snapshot", json), List.of("diff", json, json, "-o", sql), List.of("snapshot", dir.resolve("missing.sql").toString()),
                List.of("snapshot", "--dialect", "sqlite", sql), List.of("snapshot", "--db-url", "jdbc:postgresql://127.0.0.1/x", sql),
                List.of("snapshot", "--pg-version", "16,17", sql),
                List.of("verify", dir.toString()), List.of("lint", dir.toString()), List.of("hash", dir.toString()));

        for (List<String> line : lines) {
            assertThat(EarlyStart.begin(line.toArray(String[]::new))).as(String.join(" ", line)).isNull();
        }
    }

    @Test
    void aBadOptionEndsTheProcessWithExit2AndNoServerLeft() throws Exception {
        Path schema = Files.writeString(dir.resolve("a.sql"), "CREATE TABLE a (id int);\n");
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "snapshot", "--no-such-option", schema.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SCHEMAGATE_CACHE", cache.toString());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }

        assertThat(process.exitValue()).isEqualTo(ExitCode.INPUT);
        assertThat(Files.readString(log)).contains("Unknown option: '--no-such-option'");
        assertThat(cache.resolve("runs")).as("a server was being started").exists();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(cache.toString())))
                .as("processes of that run's cache").isEmpty();
    }

    /** The PostgreSQL servers this JVM started that are running now. */
    private static Set<Long> postgresProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("listen_addresses=127.0.0.1"))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
