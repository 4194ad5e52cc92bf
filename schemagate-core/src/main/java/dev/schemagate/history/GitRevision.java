package dev.schemagate.history;

import dev.schemagate.migration.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A migrations folder as it was at a git revision, compared with the folder as it is now (the
 * working tree): which files the revision holds, which of them were changed, deleted or renamed
 * since, and the diff of a change. Every way of not having the revision is an input error that says
 * what to run: not a repository, an unknown name, a shallow clone that lacks the commit.
 */
public final class GitRevision {

    /** How a file of the revision differs now. */
    public enum Kind { MODIFIED, DELETED, RENAMED }

    /**
     * One file of the revision that is not the same now.
     *
     * @param kind    what happened to it
     * @param path    its path at the revision, relative to the migrations folder
     * @param renamed its new path when renamed, else null
     */
    public record FileChange(Kind kind, String path, String renamed) {
    }

    private final Git git;
    private final String ref;
    private final String commit;

    private GitRevision(Git git, String ref, String commit) {
        this.git = git;
        this.ref = ref;
        this.commit = commit;
    }

    /**
     * The revision {@code ref} of the repository holding {@code directory}.
     *
     * @throws InputException when git cannot run, the folder is not in a repository, or the
     *                        revision is not in the clone; the message says what to do
     */
    public static GitRevision open(Path directory, String ref) {
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new InputException("--since '" + ref + "' is not a git revision; give a branch, tag or commit such as origin/main");
        }
        Git git = new Git(directory);
        Git.Output top = git.run("rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new InputException(directory + ": is not inside a git repository, so --since " + ref
                    + " has nothing to compare with (" + firstLine(top.err()) + "); run it in a clone of the project,"
                    + " or name the history without git with --baseline VERSION");
        }
        Git.Output resolved = git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (!resolved.ok()) {
            throw missing(git, ref);
        }
        return new GitRevision(git, ref, resolved.out().strip());
    }

    private static InputException missing(Git git, String ref) {
        int slash = ref.indexOf('/');
        String fetch = slash > 0
                ? "git fetch " + ref.substring(0, slash) + " " + ref.substring(slash + 1) + ":refs/remotes/" + ref
                : "git fetch origin " + ref + ":" + ref;
        boolean shallow = git.run("rev-parse", "--is-shallow-repository").out().strip().equals("true");
        if (shallow) {
            return new InputException("--since " + ref + ": this is a shallow clone and it does not hold " + ref
                    + " (CI checkouts fetch one commit by default); fetch the history: with actions/checkout set"
                    + " 'fetch-depth: 0', on GitLab set GIT_DEPTH: 0, or run '" + fetch + "' before schemagate");
        }
        return new InputException("--since " + ref + ": no such branch, tag or commit in this clone; check the name,"
                + " or fetch it first ('" + fetch + "')");
    }

    /** The name the revision was given by, such as {@code origin/main}. */
    public String ref() {
        return ref;
    }

    /** The files of the migrations folder at the revision, relative to the folder. */
    public Set<String> files() {
        Git.Output listed = expect(git.run("ls-tree", "-r", "-z", "--name-only", commit, "--", "."));
        Set<String> files = new LinkedHashSet<>();
        for (String path : listed.out().split("\0")) {
            if (!path.isEmpty()) {
                files.add(path);
            }
        }
        return files;
    }

    /** True when git tracks some file of the folder now (false for a copy in a build folder, or files never added). */
    public boolean tracked() {
        return !expect(git.run("ls-files", "-z", "--", ".")).out().isEmpty();
    }

    /** The files of the revision that were modified, deleted or renamed in the working tree since. */
    public List<FileChange> changes() {
        Git.Output diff = expect(git.run("diff", "-M", "--name-status", "-z", "--relative", "--no-color", "--no-ext-diff",
                commit, "--", "."));
        String[] fields = diff.out().split("\0");
        List<FileChange> changes = new ArrayList<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            String status = fields[i];
            switch (status.isEmpty() ? ' ' : status.charAt(0)) {
                case 'M', 'T' -> changes.add(new FileChange(Kind.MODIFIED, fields[i + 1], null));
                case 'D' -> changes.add(new FileChange(Kind.DELETED, fields[i + 1], null));
                case 'R' -> {
                    changes.add(new FileChange(Kind.RENAMED, fields[i + 1], fields[i + 2]));
                    i++;
                }
                case 'C' -> i++;
                default -> {
                    // added files are new migrations, not changes to the revision's files
                }
            }
        }
        return changes;
    }

    /** The unified diff of one file of the folder, from the revision to the working tree. */
    public List<String> diff(String path) {
        return expect(git.run("diff", "--no-color", "--no-ext-diff", commit, "--", path)).out().lines()
                .dropWhile(line -> !line.startsWith("@@")).toList();
    }

    /** True when the file (relative to the repository's top folder) differs from the revision, or is new. */
    public boolean changed(String pathFromTop) {
        Git.Output diff = git.run("diff", "--quiet", "--no-ext-diff", commit, "--", ":/" + pathFromTop);
        if (diff.exitCode() > 1) {
            throw new InputException("git diff of " + pathFromTop + " failed: " + firstLine(diff.err()));
        }
        return diff.exitCode() == 1 || !git.run("ls-files", "--others", "--exclude-standard", "--", ":/" + pathFromTop)
                .out().isBlank();
    }

    /** The repository's top folder. */
    public Path top() {
        return Path.of(expect(git.run("rev-parse", "--show-toplevel")).out().strip());
    }

    private Git.Output expect(Git.Output output) {
        if (!output.ok()) {
            throw new InputException("git failed reading " + ref + ": " + firstLine(output.err()));
        }
        return output;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").replaceFirst("^fatal: ", "");
    }
}
