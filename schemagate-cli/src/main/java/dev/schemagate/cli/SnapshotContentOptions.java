package dev.schemagate.cli;

import dev.schemagate.model.SnapshotOptions;
import picocli.CommandLine.Option;

/** What a snapshot records beyond the structure, for the commands that take snapshots; defined once. */
public final class SnapshotContentOptions {

    @Option(names = "--no-owners", description = "Leave owners out (they differ between environments).")
    boolean noOwners;

    @Option(names = "--no-privileges", description = "Leave grants out (they differ between environments).")
    boolean noPrivileges;

    SnapshotOptions options() {
        return new SnapshotOptions(!noOwners, !noPrivileges);
    }
}
