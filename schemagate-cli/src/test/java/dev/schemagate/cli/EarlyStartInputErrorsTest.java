package dev.schemagate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify and lint start their embedded server while they read the migrations; a mistake in what
 * they were given must still be reported before any server starts. Each run is a process of its
 * own with a cache folder of its own ({@code SCHEMAGATE_CACHE}): a server started would have made
 * it, to unpack PostgreSQL there.
 */
class EarlyStartInputErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsReportedWithoutStartingAServer() throws Exception {
        Path missing = dir.resolve("no-such-migrations");

        for (String command : new String[] {"verify", "lint"}) {
            Run run = run(command, missing.toString());

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.INPUT);
            assertThat(run.output()).as(command).contains(missing + ": no such folder");
            assertThat(run.cache()).as(command + " started no server").doesNotExist();
        }
    }

    @Test
    void anInvalidConfigIsReportedWithoutStartingAServer() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_a.up.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(migrations.resolve("schemagate.yml"), "dialect: [postgres\n");

        Run run = run("verify", migrations.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.output()).contains("schemagate.yml: is not valid YAML");
        assertThat(run.cache()).doesNotExist();
    }

    private record Run(int exitCode, String output, Path cache) {
    }

    private Run run(String command, String folder) throws IOException, InterruptedException {
        Path cache = dir.resolve("cache-" + command);
        Path log = dir.resolve(command + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                command, folder).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SCHEMAGATE_CACHE", cache.toString());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        return new Run(process.exitValue(), Files.readString(log), cache);
    }
}
