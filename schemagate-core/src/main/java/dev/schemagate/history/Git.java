package dev.schemagate.history;

import dev.schemagate.migration.InputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the {@code git} command line in a folder and returns what it printed. The command line
 * rather than a Java implementation of git, so that a run sees the repository exactly as the CI
 * job's own git does (shallow clones, worktrees, partial clones, safe.directory, credentials).
 */
final class Git {

    /** What one git command printed, and its exit code. */
    record Output(int exitCode, String out, String err) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path directory;

    Git(Path directory) {
        this.directory = directory;
    }

    /** Runs {@code git -C <folder> args…}; a git that cannot be started is an input error that says so. */
    Output run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InputException("cannot run git (" + e.getMessage() + "); install git, or use --baseline VERSION"
                    + " to name the history without git", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            return new Output(process.waitFor(), out, err.join().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while git ran", e);
        }
    }

    private static String read(InputStream stream) {
        try (InputStream in = stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
