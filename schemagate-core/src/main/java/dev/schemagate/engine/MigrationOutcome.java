package dev.schemagate.engine;

/**
 * The one status of a migration in a run, worked out once from what its up script and its
 * rollback did, so that every report (console, JUnit, HTML, Markdown, JSON) says the same.
 */
public enum MigrationOutcome {
    /** The up script applied, and its rollback restored the schema and rows (or was not checked). */
    APPLIED("applied", "applied", true),
    /** The up script applied; it has no down script and needs none (it changed nothing, or says it is irreversible). */
    NO_DOWN("noDown", "applied, no down script", true),
    /** The up script applied, but it changes the schema or rows and has no down script to undo that. */
    MISSING_DOWN("missingDown", "applied, down script missing", false),
    /**
     * The up script applied; its rollback restores the schema on empty tables but fails while the
     * tables hold the synthetic sample rows, which may be the cause (a warning says which statement).
     */
    ROLLBACK_FAILS_ON_SAMPLE_ROWS("rollbackFailsOnSampleRows", "applied, rollback fails only with sample rows", true),
    /** The up script applied, but its rollback failed, did not restore the schema or lost rows. */
    ROLLBACK_FAILED("rollbackFailed", "rollback failed", false),
    /** The up script failed. */
    FAILED("failed", "failed", false),
    /** Not run: an earlier migration failed. */
    NOT_RUN("notRun", "not run", false),
    /** Not run by design: its preconditions are not met and say to skip it ({@code onFail="MARK_RAN"}). */
    SKIPPED("skipped", "skipped: preconditions not met", true);

    private final String id;
    private final String label;
    private final boolean ok;

    MigrationOutcome(String id, String label, boolean ok) {
        this.id = id;
        this.label = label;
        this.ok = ok;
    }

    /** The word machine-readable reports use, such as {@code rollbackFailed}. */
    public String id() {
        return id;
    }

    /** The words people read, such as {@code rollback failed}. */
    public String label() {
        return label;
    }

    /** Whether the migration itself went through: applied, rolled back where it could be. */
    public boolean ok() {
        return ok;
    }

    /** Whether its up script ran (or failed): false for a migration not run or skipped. */
    public boolean ran() {
        return this != NOT_RUN && this != SKIPPED;
    }

    static MigrationOutcome of(MigrationRun.Status status, MigrationRun.Reversal reversal) {
        return switch (status) {
            case FAILED -> FAILED;
            case NOT_RUN -> NOT_RUN;
            case SKIPPED -> SKIPPED;
            case APPLIED -> switch (reversal) {
                case FAILED, NOT_RESTORED, LOSES_ROWS -> ROLLBACK_FAILED;
                case MISSING_DOWN -> MISSING_DOWN;
                case NO_DOWN -> NO_DOWN;
                case FAILS_ON_SAMPLE_ROWS -> ROLLBACK_FAILS_ON_SAMPLE_ROWS;
                case REVERSED, NOT_CHECKED -> APPLIED;
            };
        };
    }
}
