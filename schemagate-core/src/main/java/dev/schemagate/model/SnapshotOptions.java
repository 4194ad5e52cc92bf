package dev.schemagate.model;

/**
 * What a snapshot records beyond the structure. Owners and privileges name roles, which usually
 * differ between environments, so comparisons across environments leave them out.
 *
 * @param owners     record each object's owner
 * @param privileges record grants and revokes
 */
public record SnapshotOptions(boolean owners, boolean privileges) {

    /** Everything: for comparing two states of one database (reversibility). */
    public static SnapshotOptions full() {
        return new SnapshotOptions(true, true);
    }

    /** Structure only: for comparing databases that belong to different environments. */
    public static SnapshotOptions structureOnly() {
        return new SnapshotOptions(false, false);
    }
}
