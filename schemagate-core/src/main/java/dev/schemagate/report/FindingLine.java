package dev.schemagate.report;

import dev.schemagate.check.Finding;

import java.util.Locale;

/**
 * The one-line form of a finding every text report uses, in the style of gcc and clang that
 * editors, terminals and CI log parsers jump from:
 * {@code path:line:column: error: message [rule-id]}, the location left out when there is none;
 * control characters in the path or message are shown as escapes.
 */
public final class FindingLine {

    private FindingLine() {
    }

    /** The line without colours. */
    public static String text(Finding finding, ReportPaths paths) {
        return format(finding, paths, Ansi.PLAIN);
    }

    /** The line, with the severity coloured and the location in bold when {@code ansi} is enabled. */
    public static String format(Finding finding, ReportPaths paths, Ansi ansi) {
        String severity = finding.severity().name().toLowerCase(Locale.ROOT);
        String coloured = switch (finding.severity()) {
            case ERROR -> ansi.red(severity);
            case WARNING -> ansi.yellow(severity);
            case INFO -> severity;
        };
        String where = PlainText.of(paths.text(finding.location()));
        return (where.isEmpty() ? "" : ansi.bold(where) + ": ") + coloured + ": " + PlainText.of(finding.message()) + " "
                + ansi.dim("[" + finding.ruleId() + "]");
    }
}
