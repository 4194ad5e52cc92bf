package dev.schemagate.check;

import dev.schemagate.diff.Difference;
import dev.schemagate.migration.Annotation;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

import java.util.List;
import java.util.Locale;

/** The findings of the reversibility check, worded once for every report. */
public final class ReversibilityFindings {

    public static final String MISSING_DOWN = "reversibility.missing-down";
    public static final String NO_DOWN_SCRIPTS = "reversibility.no-down-scripts";
    public static final String DOWN_FAILED = "reversibility.down-failed";
    public static final String NOT_RESTORED = "reversibility.schema-not-restored";
    public static final String REAPPLY_FAILED = "reversibility.reapply-failed";
    public static final String REAPPLY_DIFFERS = "reversibility.reapply-differs";
    public static final String NOT_CHECKED = "reversibility.not-checked";

    private static final int MAX_EVIDENCE = 40;
    private static final String WHITESPACE_HINT = "The bodies do the same thing (compared with whitespace outside "
            + "literals normalised); copy the body text exactly if the stored source should match too.";

    private ReversibilityFindings() {
    }

    /** What an up script was seen to change, which decides how much a missing down script matters. */
    public enum UpEffect {
        /** The schema after it differs from the schema before. */
        SCHEMA,
        /** The schema is the same, but rows were written. */
        DATA_ONLY,
        /** Neither: a no-op on this history ({@code SELECT 1}, {@code IF NOT EXISTS} on what exists). */
        NOTHING
    }

    /**
     * A migration without a down script: an error when its up script changes the schema, a warning
     * when it changes only data (that change cannot be undone), a note when it
     * changes nothing or is annotated irreversible.
     */
    public static Finding missingDown(Migration migration, Annotation irreversible, UpEffect effect) {
        Location at = migration.up().location();
        if (irreversible != null) {
            return new Finding(MISSING_DOWN, Severity.INFO, irreversible.location(),
                    migration.displayName() + " is irreversible on purpose: " + orNone(irreversible.argument()), "", List.of());
        }
        if (effect == UpEffect.NOTHING) {
            return new Finding(MISSING_DOWN, Severity.INFO, at, migration.displayName()
                    + " has no down script, and its up script changed nothing in the schema or the rows: nothing to undo",
                    "", List.of("schema before and after the up script: identical"));
        }
        if (effect == UpEffect.DATA_ONLY) {
            return new Finding(MISSING_DOWN, Severity.WARNING, at, migration.displayName()
                    + " has no down script, and its up script changes rows (the schema stays the same): the data change cannot be rolled back",
                    changeset(migration) ? "Add a rollback to the changeset that restores the rows if a rollback must bring them back."
                            : "Write a down script that restores the rows if a rollback must bring them back, or mark it "
                            + "'-- schemagate:irreversible <reason>'.",
                    List.of("schema before and after the up script: identical"));
        }
        return new Finding(MISSING_DOWN, Severity.ERROR, at, migration.displayName() + " has no down script (or one without a statement)",
                changeset(migration) ? "Add a rollback to the changeset that undoes it (Liquibase derives none for its changes)."
                        : "Write a down script that undoes it, or mark it '-- schemagate:irreversible <reason>'.", List.of());
    }

    /** A changeset of a Liquibase XML, YAML or JSON changelog, where no SQL comment can mark it irreversible. */
    private static boolean changeset(Migration migration) {
        String name = migration.up().file().getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /**
     * A history without a single down script (Flyway Community runs no undo): reversibility cannot
     * be checked, which one finding says, with how to add down scripts in the folder's layout.
     */
    public static Finding noDownScripts(MigrationSet set) {
        String how = switch (set.layout()) {
            case FLYWAY -> "add undo scripts, U<version>__<name>.sql beside V<version>__<name>.sql (Flyway Teams runs"
                    + " them; Schemagate checks them whichever edition runs your migrations)";
            case GOLANG_MIGRATE, PLAIN, SQLX -> "add <version>_<name>.down.sql beside each <version>_<name>.up.sql";
            case DIESEL, FOLDER -> "add a down.sql to each migration folder";
            case DBMATE -> "add a '-- migrate:down' section to each migration";
            case GOOSE -> "add a '-- +goose Down' section to each migration";
            case LIQUIBASE -> "add '--rollback' lines to each changeset";
            default -> "add a down script to each migration";
        };
        return new Finding(NO_DOWN_SCRIPTS, Severity.WARNING, Location.of(set.directory()),
                "no migration has a down script, so reversibility cannot be checked (" + set.migrations().size()
                        + (set.migrations().size() == 1 ? " migration" : " migrations") + ", forward only)",
                "To check that each migration can be rolled back, " + how + "; from then on each one without is reported.",
                List.of());
    }

    /** The down script failed; {@code failure} is the statement failure with its location. */
    public static Finding downFailed(Finding failure) {
        return new Finding(DOWN_FAILED, Severity.ERROR, failure.location(), "down script failed: " + failure.message(),
                failure.hint(), failure.evidence());
    }

    /**
     * The down script failed on the tables' sample rows and runs without them: the failure depends on
     * rows, which are synthetic, so it is a warning that says so.
     */
    public static Finding onSampleRows(Finding downFailed) {
        List<String> evidence = new java.util.ArrayList<>();
        evidence.add("the tables held synthetic sample rows; on empty tables the down script runs");
        evidence.addAll(downFailed.evidence());
        return new Finding(DOWN_FAILED, Severity.WARNING, downFailed.location(),
                "down script fails when the tables hold the sample rows: " + downFailed.message().replaceFirst("^down script failed: ", ""),
                "Check whether rows like yours can make it fail (a constraint the down adds back, a value the up wrote); "
                        + "if only the synthetic values can, nothing is wrong.", evidence);
    }

    /**
     * The up script failed in the cycle, with the sample rows and without, yet applied on the database
     * the run migrates, from the same schema: nothing of the migration was checked, and the run must not
     * pass over that in silence. {@code failure} is the cycle's failure, with its location.
     */
    public static Finding notChecked(Finding failure) {
        List<String> evidence = new java.util.ArrayList<>();
        evidence.add("in the cycle: " + failure.message());
        evidence.addAll(failure.evidence());
        return new Finding(NOT_CHECKED, Severity.WARNING, failure.location(),
                "up script failed in the checks' cycle but applied on the migrated database: its rollback, rows and integrity were not checked",
                "The cycle starts from the schema and rows the apply started from. A script whose outcome is not deterministic "
                        + "(a sequence, which the cycle advances though it is rolled back; random(); the clock; rows read without "
                        + "ORDER BY) can fail in one and not the other: make it give the same result whenever it runs from the same "
                        + "schema and rows, and the cycle checks it. On MySQL the cycle runs on a copy made from SHOW CREATE, which "
                        + "can differ from the original in what that does not show (see the rule's page).",
                evidence);
    }

    /** Up again after down failed: the down script left something the up script trips on. */
    public static Finding reapplyFailed(Migration migration, Finding failure) {
        return new Finding(REAPPLY_FAILED, Severity.ERROR, failure.location(),
                "up script fails when applied again after the down script: " + failure.message(),
                "The down script leaves something behind that the up script creates (a type, a sequence, an index?).",
                failure.evidence());
    }

    /** After up then down, the schema is not what it was before up. */
    public static Finding notRestored(Migration migration, List<Difference> differences) {
        Location at = migration.down().orElseThrow().location();
        if (differences.stream().allMatch(Difference::whitespaceOnly)) {
            return new Finding(NOT_RESTORED, Severity.INFO, at,
                    "down script restores the schema except for whitespace in function bodies: " + count(differences),
                    WHITESPACE_HINT, evidence(differences));
        }
        boolean onlyOrder = differences.stream().allMatch(d -> d.field().endsWith(" order"));
        return new Finding(NOT_RESTORED, onlyOrder ? Severity.WARNING : Severity.ERROR, at,
                "down script does not restore the schema: " + count(differences) + " after up and down",
                "Make the down script undo exactly what the up script does. '-' was there before up and is gone, "
                        + "'+' is left behind, '~' changed.",
                evidence(differences));
    }

    /** Up, down, up again: the second up produced another schema than the first. */
    public static Finding reapplyDiffers(Migration migration, List<Difference> differences) {
        if (differences.stream().allMatch(Difference::whitespaceOnly)) {
            return new Finding(REAPPLY_DIFFERS, Severity.INFO, migration.up().location(),
                    "up script applied again after the down script gives the same schema except for whitespace in "
                            + "function bodies: " + count(differences), WHITESPACE_HINT, evidence(differences));
        }
        return new Finding(REAPPLY_DIFFERS, Severity.ERROR, migration.up().location(),
                "up script applied again after the down script gives another schema: " + count(differences),
                "The down script leaves a trace that changes what up creates ('-' first up only, '+' second up only).",
                evidence(differences));
    }

    private static List<String> evidence(List<Difference> differences) {
        List<String> lines = differences.stream().limit(MAX_EVIDENCE).map(Difference::describe).toList();
        if (differences.size() <= MAX_EVIDENCE) {
            return lines;
        }
        return java.util.stream.Stream.concat(lines.stream(),
                java.util.stream.Stream.of("… and " + (differences.size() - MAX_EVIDENCE) + " more")).toList();
    }

    private static String count(List<Difference> differences) {
        return differences.size() == 1 ? "1 difference" : differences.size() + " differences";
    }

    private static String orNone(String reason) {
        return reason.isEmpty() ? "(no reason given)" : reason;
    }
}
