package dev.schemagate.history;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.MigrationSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Release readiness: a change that adds migrations ships a new database state, so the project's
 * version file and changelog should change with it. Compared with the same git revision the
 * history was cut at.
 */
public final class ReleaseCheck {

    public static final String VERSION_NOT_BUMPED = "release.version-not-bumped";
    public static final String CHANGELOG_NOT_UPDATED = "release.changelog-not-updated";

    private ReleaseCheck() {
    }

    public static List<Finding> check(MigrationSet set, HistoryCut cut, GitRevision revision, ReleaseConfig config) {
        long added = set.migrations().size() - cut.historyCount(set.migrations());
        if (config.severity().isEmpty() || added == 0) {
            return List.of();
        }
        Severity severity = config.severity().get();
        Path top = revision.top();
        String what = added + " new migration" + (added == 1 ? "" : "s");
        List<Finding> findings = new ArrayList<>();
        if (unchanged(revision, top, config.versionFile(), config.explicit())) {
            findings.add(new Finding(VERSION_NOT_BUMPED, severity, Location.of(top.resolve(config.versionFile())),
                    "the change adds " + what + " but the version in " + config.versionFile() + " is as at "
                            + revision.ref() + ": the release that ships them cannot be told from the one before",
                    "Raise the version in " + config.versionFile() + " (or set release.versionFile in schemagate.yml).",
                    List.of()));
        }
        if (unchanged(revision, top, config.changelog(), config.explicit())) {
            findings.add(new Finding(CHANGELOG_NOT_UPDATED, severity, Location.of(top.resolve(config.changelog())),
                    "the change adds " + what + " but " + config.changelog() + " is as at " + revision.ref()
                            + ": whoever deploys it will not read that the schema changes",
                    "Say in " + config.changelog() + " what the migrations change (or set release.changelog in schemagate.yml).",
                    List.of()));
        }
        return findings;
    }

    private static boolean unchanged(GitRevision revision, Path top, String file, boolean explicit) {
        if (!explicit && !Files.exists(top.resolve(file))) {
            return false;
        }
        return !revision.changed(file);
    }
}
