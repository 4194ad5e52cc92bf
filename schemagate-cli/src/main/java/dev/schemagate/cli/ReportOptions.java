package dev.schemagate.cli;

import dev.schemagate.check.Severity;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.report.ReportFormat;
import dev.schemagate.report.ReportPaths;
import dev.schemagate.report.Reports;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of every command that reports findings ({@code verify}, {@code lint}), defined once
 * so that they have the same words, defaults and meaning everywhere.
 */
public final class ReportOptions {

    @Option(names = "--format", split = ",", defaultValue = "console", paramLabel = "FORMAT",
            description = "console, json, junit, sarif, github, markdown, html; several separated by commas "
                    + "(default: ${DEFAULT-VALUE}). github is added by itself on GitHub Actions.")
    List<String> formats;

    @Mixin
    OutputFolderOption folder;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Lowest severity that fails the run: error, warning or info (default: the config's lint.failOn, else error).")
    Severity failOn;

    @Mixin
    ConfigFileOption config;

    /** The reporters the formats ask for, with paths shown relative to the working directory. */
    Reports reports() {
        return new Reports(ReportFormat.parse(formats), folder.outDir, System.getenv(), ReportPaths.workingDirectory());
    }

    /** The config file this run reads, or null for the default lookup from {@code directory}. */
    Path configFile() {
        return config.configFile();
    }

    /** The lint settings of the run: the config file's, with {@code --fail-on} over its failOn. */
    LintConfig lintConfig(Path directory) {
        Path file = configFile();
        LintConfig lint = file != null ? LintConfigFile.load(file) : LintConfigFile.forRun(directory);
        return failOn == null ? lint : lint.withFailOn(failOn);
    }
}
