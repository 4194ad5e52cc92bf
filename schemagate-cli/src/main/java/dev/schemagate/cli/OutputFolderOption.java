package dev.schemagate.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --out}, the folder of the report files of every command that writes some, declared once. */
public final class OutputFolderOption {

    @Option(names = "--out", defaultValue = "build/schemagate", paramLabel = "DIR",
            description = "Folder for the report files of the formats other than console (default: ${DEFAULT-VALUE}).")
    Path outDir;
}
