package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}) that put each finding
 * on its line in the pull request, escaped by GitHub's rules so that a message cannot end the
 * command early or start another.
 */
public final class GithubAnnotations {

    private final ReportPaths paths;

    public GithubAnnotations(ReportPaths paths) {
        this.paths = paths;
    }

    /** One command line per finding. */
    public List<String> render(VerifyResult result) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : result.findings()) {
            lines.add(annotation(finding));
        }
        return lines;
    }

    private String annotation(Finding finding) {
        String command = switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        List<String> properties = new ArrayList<>();
        Location location = finding.location();
        if (location != null && location.file() != null) {
            properties.add("file=" + property(paths.relative(location.file())));
            if (location.line() > 0) {
                properties.add("line=" + location.line());
                if (location.column() > 0) {
                    properties.add("col=" + location.column());
                }
            }
        }
        properties.add("title=" + property(finding.ruleId()));
        String message = finding.hint().isEmpty() ? finding.message() : finding.message() + "\n" + finding.hint();
        return "::" + command + " " + String.join(",", properties) + "::" + data(message);
    }

    /** Escapes a command's message: control characters made visible, then {@code %}, carriage return and line feed. */
    static String data(String text) {
        return PlainText.of(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command's property value: as {@link #data}, and {@code :} and {@code ,} too. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
