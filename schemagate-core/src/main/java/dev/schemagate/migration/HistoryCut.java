package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a run draws the line between a project's history (migrations already deployed, which only
 * need to apply) and the change under review (migrations that get every check). History is named
 * by the up script files of its migrations, whether it came from a git ref or a baseline version.
 *
 * @param origin       what drew the line, for people: {@code origin/main}, {@code baseline 20230101}; empty for none
 * @param historyFiles the up script files of the migrations that are history
 */
public record HistoryCut(String origin, Set<Path> historyFiles) {

    public HistoryCut {
        historyFiles = Set.copyOf(historyFiles);
    }

    /** No cut: every migration is checked. */
    public static HistoryCut none() {
        return new HistoryCut("", Set.of());
    }

    /** Every versioned migration at or before {@code baseline} is history. */
    public static HistoryCut baseline(MigrationSet set, Version baseline) {
        Set<Path> files = new HashSet<>();
        for (Migration migration : set.migrations()) {
            if (!migration.repeatable() && migration.version().compareTo(baseline) <= 0) {
                files.add(migration.up().file());
            }
        }
        return new HistoryCut("baseline " + baseline.text(), files);
    }

    /** This cut and another together: a migration is history when either says so. */
    public HistoryCut and(HistoryCut other) {
        if (!other.active()) {
            return this;
        }
        if (!active()) {
            return other;
        }
        Set<Path> files = new HashSet<>(historyFiles);
        files.addAll(other.historyFiles);
        return new HistoryCut(origin + " and " + other.origin, files);
    }

    /** True when some line is drawn, even if no migration falls before it. */
    public boolean active() {
        return !origin.isEmpty();
    }

    public boolean isHistory(Migration migration) {
        return historyFiles.contains(migration.up().file());
    }

    /** How many of the migrations are history. */
    public int historyCount(List<Migration> migrations) {
        return (int) migrations.stream().filter(this::isHistory).count();
    }
}
