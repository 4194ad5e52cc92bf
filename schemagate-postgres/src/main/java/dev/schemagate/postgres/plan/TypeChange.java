package dev.schemagate.postgres.plan;

import dev.schemagate.diff.Hazard;
import dev.schemagate.postgres.lint.TypeWidening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ALTER COLUMN ... TYPE} does to a column's rows, by PostgreSQL's rules: a change that keeps
 * every value ({@code int} to {@code bigint}, a longer {@code varchar}) loses nothing, and among those
 * some are catalog-only (the old type is binary-coercible to the new one, or only a length, precision or
 * fractional-seconds limit grows with the same scale), so no row is rewritten; the others rewrite the
 * table; any other change can cut or refuse values.
 */
enum TypeChange {
    /** Only the catalog changes: an ACCESS EXCLUSIVE lock, no rewrite. */
    CATALOG_ONLY(Hazard.BLOCKS_READS_AND_WRITES),
    /** Every value is kept, but every row is rewritten (and the column's indexes rebuilt). */
    REWRITE(Hazard.BLOCKS_READS_AND_WRITES, Hazard.REWRITES_TABLE),
    /** Values can be cut or refused. */
    LOSSY(Hazard.BLOCKS_READS_AND_WRITES, Hazard.REWRITES_TABLE, Hazard.DELETES_DATA);

    /** A type with an optional limit: {@code character varying(20)}, {@code numeric(12,2)}, {@code timestamp(3) with time zone}. */
    private static final Pattern LIMITED = Pattern.compile(
            "(character varying|bit varying|numeric|timestamp|time)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?");

    private final Hazard[] hazards;

    TypeChange(Hazard... hazards) {
        this.hazards = hazards;
    }

    Hazard[] hazards() {
        return hazards.clone();
    }

    /** What changing a column from type {@code from} to type {@code to} (as {@code format_type} writes them) does. */
    static TypeChange of(String from, String to) {
        if (from.equals(to) || catalogOnly(from, to)) {
            return CATALOG_ONLY;
        }
        return TypeWidening.widens(from, to) ? REWRITE : LOSSY;
    }

    private static boolean catalogOnly(String from, String to) {
        if (from.matches("character varying(\\(\\d+\\))?|text") && to.equals("text")
                || from.equals("text") && to.equals("character varying")) {
            return true;
        }
        Matcher before = LIMITED.matcher(from);
        Matcher after = LIMITED.matcher(to);
        if (!before.matches() || !after.matches() || !before.group(1).equals(after.group(1))
                || !same(before.group(4), after.group(4))) {
            return false;
        }
        if (after.group(2) == null) {
            return true;
        }
        if (before.group(2) == null) {
            return false;
        }
        boolean scaleKept = same(before.group(3), after.group(3)) || before.group(3) == null && "0".equals(after.group(3));
        return scaleKept && Integer.parseInt(after.group(2)) >= Integer.parseInt(before.group(2));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
