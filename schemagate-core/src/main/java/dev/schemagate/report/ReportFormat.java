package dev.schemagate.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The forms a verify result can take, as named on the command line ({@code --format json,sarif}),
 * with the file each writes into the output folder (none for those that print).
 */
public enum ReportFormat {
    CONSOLE("console", ""),
    JSON("json", "report.json"),
    JUNIT("junit", "junit.xml"),
    SARIF("sarif", "report.sarif"),
    GITHUB("github", ""),
    MARKDOWN("markdown", "summary.md"),
    HTML("html", "report.html");

    private final String id;
    private final String fileName;

    ReportFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    public String id() {
        return id;
    }

    /** The file this format writes into the output folder, or empty when it prints instead. */
    public String fileName() {
        return fileName;
    }

    /**
     * The formats named, each value itself possibly a comma-separated list.
     *
     * @throws IllegalArgumentException naming the unknown format and the known ones
     */
    public static Set<ReportFormat> parse(List<String> names) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String name : names) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    formats.add(byId(part.strip().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return formats;
    }

    private static ReportFormat byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + id + "'; use one or more of "
                        + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "))));
    }
}
