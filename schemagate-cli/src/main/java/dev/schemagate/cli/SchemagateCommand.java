package dev.schemagate.cli;

import picocli.CommandLine.Command;

import java.util.Map;

/**
 * The top-level {@code schemagate} command, which groups the subcommands and holds the environment
 * variables the run sees (drift reads credentials from them).
 */
@Command(name = "schemagate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Proves SQL schema migrations safe to ship, on a real throwaway database.",
        subcommands = {VerifyCommand.class, SnapshotCommand.class, LintCommand.class, DiffCommand.class, DriftCommand.class,
                HashCommand.class, MutateCommand.class, ProfileCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  passed, or no difference",
                "  1  findings at or above the failing severity, or differences (mutate: a kill rate below --min-kill-rate; profile: a regression, or a migration failed)",
                "  2  usage or input error",
                "  3  destructive statements held back (diff without --unsafe)",
                "  4  the database could not be had (did not start, connection lost, missing rights)"})
public final class SchemagateCommand {

    private final Map<String, String> environment;

    SchemagateCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }
}
