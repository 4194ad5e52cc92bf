package dev.schemagate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/**
 * The top-level {@code schemagate} command, which groups the subcommands and holds the environment
 * variables the run sees (drift reads credentials from them).
 *
 * <p>The subcommands are added by {@link #commandLine}, not declared in the annotation: building a
 * subcommand's model reads its options by reflection and loads every class they name, so a run
 * builds only the subcommand it runs, and all of them only when no subcommand is named (help,
 * {@code --version}, a misspelt name that gets suggestions).
 */
@Command(name = "schemagate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Proves SQL schema migrations safe to ship, on a real throwaway database.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  passed, or no difference",
                "  1  findings at or above the failing severity, or differences (mutate: a kill rate below --min-kill-rate; profile: a regression, or a migration failed)",
                "  2  usage or input error",
                "  3  destructive statements held back (diff without --unsafe)",
                "  4  the database could not be had (did not start, connection lost, missing rights)"})
public final class SchemagateCommand {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(VerifyCommand.class, SnapshotCommand.class, LintCommand.class,
            DiffCommand.class, DriftCommand.class, HashCommand.class, MutateCommand.class, ProfileCommand.class);

    private final Map<String, String> environment;

    SchemagateCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * The command line for {@code args}: with the one subcommand {@code args} names first, else with
     * every subcommand.
     */
    static CommandLine commandLine(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new SchemagateCommand(environment));
        String named = args.length == 0 ? null : args[0];
        List<Class<?>> chosen = SUBCOMMANDS.stream().filter(type -> name(type).equals(named)).toList();
        for (Class<?> type : chosen.isEmpty() ? SUBCOMMANDS : chosen) {
            commandLine.addSubcommand(name(type), type);
        }
        return commandLine;
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }
}
