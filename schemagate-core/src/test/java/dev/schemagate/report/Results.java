package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Verify results made by hand, for renderer tests that need no database. */
final class Results {

    static final Path DIR = Path.of("migrations");

    private Results() {
    }

    static Migration migration(String version, String description) {
        return new Migration(Version.parse(version), description,
                Script.of(DIR.resolve(version + "_" + description + ".up.sql"), "SELECT 1;"), Optional.empty());
    }

    /** Two migrations, the second failing with the given findings. */
    static VerifyResult failing(Finding... findings) {
        Migration first = migration("1", "create_a");
        Migration second = migration("2", "create_b");
        return new VerifyResult(new MigrationSet(DIR, Layout.GOLANG_MIGRATE, List.of(first, second)),
                List.of(new MigrationRun(first, MigrationRun.Status.APPLIED, Duration.ofMillis(12), 1, "", MigrationRun.Reversal.NOT_CHECKED, Duration.ZERO, false),
                        new MigrationRun(second, MigrationRun.Status.FAILED, Duration.ofMillis(30), 1, "", MigrationRun.Reversal.NOT_CHECKED, Duration.ZERO, false)),
                List.of(findings), "embedded PostgreSQL 17", Severity.ERROR, Duration.ofMillis(900),
                EnumSet.of(CheckName.APPLY), HistoryCut.none());
    }

    static Finding finding(String ruleId, Severity severity, String file, int line, String message, String... evidence) {
        return new Finding(ruleId, severity, new Location(DIR.resolve(file), line, 3), message, "Fix it.", List.of(evidence));
    }
}
