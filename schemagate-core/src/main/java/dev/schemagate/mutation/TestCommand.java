package dev.schemagate.mutation;

import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The project's own tests as a second gate: a shell command run in a throwaway copy of the project
 * with the mutant's file written in. The project itself is never touched.
 */
final class TestCommand {

    /** Folders not copied: build output and version control. */
    private static final Set<String> SKIPPED = Set.of(".git", "target", "build", "node_modules", ".gradle", ".idea");

    private final String command;
    private final Path project;
    private final Duration timeout;

    TestCommand(String command, Path project, Duration timeout) {
        this.command = command;
        this.project = project.toAbsolutePath().normalize();
        this.timeout = timeout;
    }

    /** Why the tests failed with the mutant in place (its exit code), or empty when they passed. */
    Optional<String> failure(Mutant mutant) {
        Path file = mutant.file().toAbsolutePath().normalize();
        if (!file.startsWith(project)) {
            throw new InputException(file + " is outside the project folder " + project + " that --test-command runs in: run from the project's folder");
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("schemagate-mutant-");
            copyTree(project, copy);
            Files.writeString(copy.resolve(project.relativize(file)), mutant.text());
            Process process = new ProcessBuilder("sh", "-c", command).directory(copy.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.of("the test command did not finish within " + timeout.toSeconds() + "s");
            }
            return process.exitValue() == 0 ? Optional.empty() : Optional.of("the test command exited " + process.exitValue());
        } catch (IOException e) {
            throw new InputException("could not run --test-command in a copy of " + project + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the test command was interrupted");
        } finally {
            delete(copy);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
