package dev.schemagate.history;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.util.List;

/** The findings of the history guard, worded once for every report. */
public final class HistoryFindings {

    public static final String EDITED = "history.edited";
    public static final String DELETED = "history.deleted";
    public static final String RENAMED = "history.renamed";
    public static final String OUT_OF_ORDER = "history.out-of-order";

    private static final int MAX_DIFF_LINES = 60;

    private HistoryFindings() {
    }

    /**
     * A file of the history changed after {@code origin}.
     *
     * @param restore how to get the old text back, such as {@code git checkout origin/main -- FILE}
     * @param diff    the change, as unified diff lines (empty when only a hash tells)
     */
    public static Finding edited(Path file, String origin, String restore, List<String> diff) {
        return new Finding(EDITED, Severity.ERROR, Location.of(file),
                "edited after " + origin + ": databases already migrated ran the old text, and Flyway-style tools"
                        + " refuse the changed checksum at deploy time",
                "Restore the file (" + restore + ") and put the change in a new migration.", limit(diff));
    }

    /** A migration of the history whose up script is now another file (a dialect's own script added, say). */
    public static Finding replaced(Migration migration, String origin) {
        return new Finding(EDITED, Severity.ERROR, migration.up().location(),
                "version " + migration.version() + " is in " + origin + " with other files, and its up script is now "
                        + migration.up().file().getFileName() + ": databases already migrated ran the old script",
                "Remove " + migration.up().file().getFileName() + " and put the change in a new migration.", List.of());
    }

    public static Finding deleted(Path file, String origin, String restore) {
        return new Finding(DELETED, Severity.ERROR, Location.of(file),
                "deleted after " + origin + ": databases already migrated ran it, and the migration tool will report"
                        + " it missing (or the branch is behind " + origin + ": merge or rebase it)",
                "Restore the file (" + restore + "); to undo what it did, write a new migration.", List.of());
    }

    public static Finding renamed(Path file, Path now, String origin) {
        return new Finding(RENAMED, Severity.ERROR, Location.of(now),
                "renamed after " + origin + " (it was " + file.getFileName() + "): the migration tool takes the new"
                        + " name for a new migration and runs it again, or reports the old one missing",
                "Give the file its old name back (git mv " + now + " " + file + ").", List.of());
    }

    public static Finding outOfOrder(Migration migration, Version newest, String origin) {
        return new Finding(OUT_OF_ORDER, Severity.ERROR, migration.up().location(),
                "version " + migration.version() + " is new but sorts before " + newest + ", the newest migration at "
                        + origin + ": databases already at " + newest + " skip it, or the migration tool refuses to run it",
                "Give it a version after " + newest + " (rename its files), for instance after rebasing on " + origin + ".",
                List.of());
    }

    private static List<String> limit(List<String> lines) {
        if (lines.size() <= MAX_DIFF_LINES) {
            return lines;
        }
        List<String> shown = new java.util.ArrayList<>(lines.subList(0, MAX_DIFF_LINES));
        shown.add("… " + (lines.size() - MAX_DIFF_LINES) + " more lines");
        return shown;
    }
}
