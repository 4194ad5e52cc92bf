package dev.schemagate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a test's temporary folder, built commit by commit with the git command line. */
final class GitRepo {

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    /** A new repository on branch {@code main}. */
    static GitRepo init(Path root) {
        GitRepo repo = new GitRepo(root);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "dev@example.com");
        repo.git("config", "user.name", "Dev");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    /** A clone of {@code origin}'s branch with only its last commit, as CI checkouts make by default. */
    static GitRepo shallowClone(GitRepo origin, String branch, Path into) {
        GitRepo repo = new GitRepo(into);
        run(into.getParent(), "git", "clone", "-q", "--depth", "1", "--branch", branch,
                "file://" + origin.root.toAbsolutePath(), into.toString());
        return repo;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    GitRepo write(String relative, String text) {
        writeFile(root.resolve(relative), text);
        return this;
    }

    /** Writes a file, making its folders. */
    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GitRepo commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    GitRepo git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        run(root, command.toArray(String[]::new));
        return this;
    }

    private static void run(Path in, String... command) {
        try {
            Files.createDirectories(in);
            Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
