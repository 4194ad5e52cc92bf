package dev.schemagate.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --config}, for every command that reads the project's {@code schemagate.yml} from its
 * migrations folder, declared once so that it is looked up and checked the same way everywhere.
 */
public final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file (default: schemagate.yml or schemagate.yaml in the migrations folder,"
                    + " else schemagate.yml in the current folder, if there is one).")
    Path config;

    /** The config file this run reads, or null for the default lookup from the migrations folder. */
    Path configFile() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException(config + ": no such config file (--config)");
        }
        return config;
    }
}
