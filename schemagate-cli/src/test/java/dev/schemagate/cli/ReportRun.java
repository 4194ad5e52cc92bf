package dev.schemagate.cli;

import dev.schemagate.report.ToolVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One verify run that writes report files, and the files' text with the run's accidents (timings, paths, server) made constant. */
record ReportRun(CommandRun run, Path outDir) {

    static final String ALL_FILES = "json,junit,sarif,markdown,html";
    private static final String URL = Examples.sharedServerUrl();

    static ReportRun of(String directory, Path outDir, String formats) {
        return new ReportRun(CommandRun.of("verify", directory, "--db-url", URL, "--format", formats, "--out", outDir.toString()),
                outDir);
    }

    String file(String name) {
        try {
            return Files.readString(outDir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with timings, the examples' absolute folder and the server's version and port replaced by fixed text. */
    String normalised(String name) {
        return file(name)
                .replace("\"" + ToolVersion.get() + "\"", "\"VERSION\"")
                .replace(Examples.root().toUri().toString(), "file:///EXAMPLES/")
                .replace(Examples.root().toString(), "EXAMPLES")
                .replaceAll("PostgreSQL [0-9.]+ at [\\w.-]+:\\d+", "PostgreSQL SERVER")
                .replaceAll("\"durationMs\" : \\d+", "\"durationMs\" : 0")
                .replaceAll("time=\"[0-9.]+\"", "time=\"0\"")
                .replaceAll("\\b\\d+ ms\\b", "0 ms")
                .replaceAll("\\b\\d+\\.\\d\\d s\\b", "0.00 s")
                .replaceAll("width:[0-9.]+%", "width:0%");
    }
}
