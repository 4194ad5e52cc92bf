package dev.schemagate.cli;

import dev.schemagate.model.SnapshotOptions;
import picocli.CommandLine.Option;

/**
 * What a comparison of two schemas looks at beyond the structure, for {@code diff} and {@code drift}:
 * owners and grants name roles, which differ between environments, so they are compared only when asked.
 */
public final class ComparedContentOptions {

    @Option(names = "--owners", description = "Compare owners too (left out by default: they differ between environments).")
    boolean owners;

    @Option(names = "--privileges", description = "Compare grants too (left out by default: they differ between environments).")
    boolean privileges;

    SnapshotOptions options() {
        return new SnapshotOptions(owners, privileges);
    }
}
