package dev.schemagate.history;

import dev.schemagate.check.Finding;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the line between history and change against a git revision, and guards the history: a
 * migration file of the revision that was edited, deleted or renamed since is an error, and so is
 * a new migration whose version sorts before the newest one of the revision.
 */
public final class HistoryGuard {

    /** The version at the start of a migration file's name: {@code 0003_x.sql}, {@code V1.2__x.sql}, {@code 20190101_x.up.sql}. */
    private static final Pattern VERSION_IN_NAME = Pattern.compile("[VvUu]?(\\d+(?:[._]\\d+)*)(?=[_.-])");

    /**
     * What the guard made of a folder.
     *
     * @param cut      the history: migrations whose up script the revision holds
     * @param findings the edits, deletions, renames and misplaced versions found
     */
    public record Guarded(HistoryCut cut, List<Finding> findings) {

        public Guarded {
            findings = List.copyOf(findings);
        }
    }

    private HistoryGuard() {
    }

    /**
     * The history of a run and what guards it found. With {@code since} (a git revision) the history is
     * what the revision holds, its files are guarded, and release readiness is checked; without, the
     * folder's sum file guards the history when there is one. With {@code baseline}, every migration
     * at or before it is history too.
     *
     * @param since    a git revision such as {@code origin/main}, or null
     * @param baseline a version, or null
     * @param release  where the version file and changelog are
     */
    public static Guarded forRun(MigrationSet set, String since, Version baseline, ReleaseConfig release) {
        HistoryCut cut = HistoryCut.none();
        List<Finding> findings = new ArrayList<>();
        if (since != null) {
            GitRevision revision = GitRevision.open(set.directory(), since);
            Guarded guarded = against(set, revision);
            cut = guarded.cut();
            findings.addAll(guarded.findings());
            findings.addAll(ReleaseCheck.check(set, cut, revision, release));
        } else {
            SumFile.read(set.directory()).ifPresent(sum -> findings.addAll(against(set, sum)));
        }
        if (baseline != null) {
            cut = cut.and(HistoryCut.baseline(set, baseline));
        }
        return new Guarded(cut, findings);
    }

    /** The folder {@code set} compared with the same folder at {@code revision}. */
    public static Guarded against(MigrationSet set, GitRevision revision) {
        Path directory = set.directory();
        String origin = revision.ref();
        Set<String> past = revision.files();
        if (past.isEmpty() && !revision.tracked()) {
            throw new InputException(directory + ": git tracks no file of this folder, so --since " + origin
                    + " cannot tell history from change; point at the migrations folder of the clone (not a copy such as"
                    + " target/classes), or 'git add' the migrations first");
        }
        List<Finding> findings = new ArrayList<>();
        Set<Path> scripts = scriptFiles(set);
        for (GitRevision.FileChange change : revision.changes()) {
            if (MigrationDiscovery.ignored(Path.of(change.path()).getFileName().toString())) {
                continue;
            }
            if (change.kind() == GitRevision.Kind.MODIFIED && set.layout() == Layout.LIQUIBASE_CHANGELOG
                    && !scripts.contains(directory.resolve(change.path()).toAbsolutePath().normalize())) {
                continue;
            }
            Path file = directory.resolve(change.path());
            String restore = "git checkout " + origin + " -- " + file;
            findings.add(switch (change.kind()) {
                case MODIFIED -> HistoryFindings.edited(file, origin, restore, revision.diff(change.path()));
                case DELETED -> HistoryFindings.deleted(file, origin, restore);
                case RENAMED -> HistoryFindings.renamed(file, directory.resolve(change.renamed()), origin);
            });
        }
        Set<Path> history = new HashSet<>();
        for (Migration migration : set.migrations()) {
            if (past.contains(relative(directory, migration.up().file()))) {
                history.add(migration.up().file());
            }
        }
        HistoryCut cut = new HistoryCut(origin, history);
        findings.addAll(outOfOrder(set, cut, past, origin));
        return new Guarded(cut, findings);
    }

    /**
     * The files that hold a migration's up or down script. In a Liquibase changelog an edit of
     * another file changes no changeset: the master changelog gains an {@code include}.
     */
    private static Set<Path> scriptFiles(MigrationSet set) {
        Set<Path> files = new HashSet<>();
        for (Migration migration : set.migrations()) {
            files.add(migration.up().file().toAbsolutePath().normalize());
            migration.down().ifPresent(down -> files.add(down.file().toAbsolutePath().normalize()));
        }
        return files;
    }

    /**
     * The folder {@code set} compared with the hashes of its sum file: a listed file edited, deleted or
     * renamed (an unlisted file with a listed file's content) is an error, and so is a new migration
     * that sorts before the newest listed one. The sum file guards the history; it does not cut it.
     */
    public static List<Finding> against(MigrationSet set, SumFile recorded) {
        Path directory = set.directory();
        String origin = "the last 'schemagate hash'";
        SumFile now = SumFile.of(directory);
        Map<String, String> unlisted = new HashMap<>();
        now.hashes().forEach((file, hash) -> {
            if (!recorded.hashes().containsKey(file)) {
                unlisted.putIfAbsent(hash, file);
            }
        });
        List<Finding> findings = new ArrayList<>();
        recorded.hashes().forEach((file, hash) -> {
            Path path = directory.resolve(file);
            String restore = "restore it from version control";
            if (!now.hashes().containsKey(file)) {
                String renamed = unlisted.get(hash);
                findings.add(renamed == null ? HistoryFindings.deleted(path, origin, restore)
                        : HistoryFindings.renamed(path, directory.resolve(renamed), origin));
            } else if (!now.hashes().get(file).equals(hash)) {
                findings.add(HistoryFindings.edited(path, origin, restore, List.of()));
            }
        });
        Set<Path> listed = new HashSet<>();
        set.migrations().stream().map(m -> m.up().file())
                .filter(file -> recorded.hashes().containsKey(relative(directory, file))).forEach(listed::add);
        findings.addAll(outOfOrder(set, new HistoryCut(origin, listed), recorded.hashes().keySet(), origin));
        return findings;
    }

    /**
     * New versioned migrations that sort before the newest migration of the history. A migration whose
     * version the history already has, under other files (a dialect's own up script added to a deployed
     * version), is not new: its up script was replaced, which is an edit of the history.
     *
     * @param pastFiles the history's file names, relative to the folder
     */
    static List<Finding> outOfOrder(MigrationSet set, HistoryCut cut, Set<String> pastFiles, String origin) {
        Set<Version> pastVersions = new HashSet<>();
        for (String file : pastFiles) {
            Matcher version = VERSION_IN_NAME.matcher(Path.of(file).getFileName().toString());
            if (version.lookingAt()) {
                pastVersions.add(Version.parse(version.group(1)));
            }
        }
        Optional<Version> newest = set.migrations().stream().filter(cut::isHistory).filter(m -> !m.repeatable())
                .map(Migration::version).max(Version::compareTo);
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            if (migration.repeatable() || cut.isHistory(migration)) {
                continue;
            }
            if (pastVersions.contains(migration.version())) {
                findings.add(HistoryFindings.replaced(migration, origin));
            } else if (newest.isPresent() && migration.version().compareTo(newest.get()) < 0) {
                findings.add(HistoryFindings.outOfOrder(migration, newest.get(), origin));
            }
        }
        return findings;
    }

    static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }
}
