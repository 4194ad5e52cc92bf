package dev.schemagate.check;

import dev.schemagate.data.RowDifference;
import dev.schemagate.migration.Annotation;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The findings of the data check, worded once for every report: rows a migration loses on its way
 * up or down, and what kept the check from proving anything. A migration annotated
 * {@code -- schemagate:destructive <reason>} means to lose data: its losses become notes.
 */
public final class DataFindings {

    public static final String UP_LOST = "data.up-lost-rows";
    public static final String UP_CHANGED = "data.up-changed-rows";
    public static final String DOWN_LOST = "data.down-lost-rows";
    public static final String UP_FAILED_WITH_ROWS = "data.up-failed-with-rows";
    public static final String NOT_SEEDED = "data.table-not-seeded";

    /** The annotation that marks a migration as meant to delete data. */
    public static final String DESTRUCTIVE = "destructive";

    private DataFindings() {
    }

    /** The up script left a table it did not drop with fewer rows than it had. */
    public static Finding upLost(Migration migration, RowDifference rows, Annotation destructive) {
        long lost = rows.missing() - rows.unexpected();
        return loss(UP_LOST, migration.up().location(), destructive,
                "up script deletes " + count(lost) + " of " + rows.table(),
                "Keep the rows, or mark the migration '-- schemagate:" + DESTRUCTIVE + " <reason>' if deleting them is the point.",
                evidence(rows));
    }

    /** The up script rewrote values in columns that were already there: a data migration, noted for review. */
    public static Finding upChanged(Migration migration, RowDifference rows) {
        return new Finding(UP_CHANGED, Severity.INFO, migration.up().location(),
                "up script rewrites " + count(rows.missing()) + " of " + rows.table() + " in columns that existed before",
                "Check that the down script can undo it.", evidence(rows));
    }

    /**
     * After up and down, a table that exists again does not hold the rows it held before up;
     * {@code lost} of them are the down script's doing (the others the up script deleted).
     */
    public static Finding downLost(Migration migration, RowDifference rows, long lost, Annotation destructive) {
        String what = rows.missing() > rows.unexpected()
                ? "loses " + count(lost) + " of " + rows.table()
                : "does not restore the values of " + count(lost) + " of " + rows.table();
        return loss(DOWN_LOST, migration.down().orElseThrow().location(), destructive,
                "rolling back " + migration.displayName() + " " + what,
                "Make the pair keep the data (copy it aside before dropping, restore it on the way down), or mark "
                        + "the migration '-- schemagate:" + DESTRUCTIVE + " <reason>' if losing it is accepted.",
                evidence(rows));
    }

    /** The up script applies on empty tables but fails when they hold rows. */
    public static Finding upFailedWithRows(Migration migration, Finding failure, int rowsPerTable) {
        List<String> evidence = new ArrayList<>();
        evidence.add("every table held " + rowsPerTable + " synthetic rows that satisfy its constraints");
        evidence.add("their values for the foreign keys this migration adds pointed at existing rows, as production rows would");
        evidence.add("values a statement could not take (text cast to another type) were re-seeded as values of that type, as the application writes them");
        evidence.addAll(failure.evidence());
        return new Finding(UP_FAILED_WITH_ROWS, Severity.WARNING, failure.location(),
                "up script fails on the sample rows in the tables: " + failure.message(),
                "Production tables are not empty: make the migration work on existing rows (defaults, a backfill "
                        + "before a constraint), or check that the synthetic rows are not the cause. The data "
                        + "check of this migration ran on empty tables.", evidence);
    }

    /** A table the seeder could not fill, so its rows prove nothing. */
    public static Finding notSeeded(Migration migration, String problem) {
        return new Finding(NOT_SEEDED, Severity.INFO, migration.up().location(),
                "could not fill a table with synthetic rows before " + migration.displayName() + ": " + problem,
                "The data check proves nothing about this table: a default on the column named, or a simpler "
                        + "CHECK, lets the generator fill it (docs/rules/data.table-not-seeded.md).", List.of());
    }

    private static Finding loss(String ruleId, Location at, Annotation destructive, String message, String hint,
                                List<String> evidence) {
        if (destructive != null) {
            String reason = destructive.argument().isEmpty() ? "(no reason given)" : destructive.argument();
            return new Finding(ruleId, Severity.INFO, destructive.location(), message + ", as annotated: " + reason,
                    "", evidence);
        }
        return new Finding(ruleId, Severity.ERROR, at, message, hint, evidence);
    }

    private static List<String> evidence(RowDifference rows) {
        List<String> lines = new ArrayList<>();
        lines.add("compared columns: " + String.join(", ", rows.columns()));
        if (rows.countsOnly()) {
            lines.add("the table is larger than the capture limit: only row counts were compared");
        }
        if (rows.sampleMissing() != null) {
            lines.add("- " + render(rows.sampleMissing()) + "   (a row before, gone after)");
        }
        if (rows.sampleUnexpected() != null) {
            lines.add("+ " + render(rows.sampleUnexpected()) + "   (a row after, not there before)");
        }
        return lines;
    }

    private static String render(Map<String, String> row) {
        return row.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "NULL" : e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String count(long rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }
}
