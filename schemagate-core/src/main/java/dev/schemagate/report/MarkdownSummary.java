package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result as Markdown, for a pull request or the GitHub Actions job summary: the verdict, a
 * table of checks and one of migrations, then each finding, its evidence collapsed in a
 * {@code <details>}. Text from migrations is escaped, so a file name or message cannot add markup.
 */
public final class MarkdownSummary {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final ReportPaths paths;

    public MarkdownSummary(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(VerifyResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Schemagate: ").append(result.passed() ? "✅ passed" : "❌ failed").append("\n\n");
        md.append(escape(paths.relative(result.migrations().directory()))).append(" · ")
                .append(escape(result.migrations().layout().id())).append(" layout · ")
                .append(result.runs().size()).append(" migrations · ")
                .append(result.cut().active() ? escape(HistorySplit.of(result)) + " · " : "")
                .append(escape(result.server())).append(" · ")
                .append(String.format(Locale.ROOT, "%.2f s", result.duration().toMillis() / 1000.0)).append("\n\n");
        md.append("| check | result | errors | warnings |\n|---|---|---:|---:|\n");
        for (CheckOutcome check : CheckOutcome.of(result)) {
            md.append("| ").append(escape(check.name())).append(" | ").append(check.passed() ? "✅ passed" : "❌ failed")
                    .append(" | ").append(check.count(Severity.ERROR)).append(" | ").append(check.count(Severity.WARNING))
                    .append(" |\n");
        }
        md.append("\n| migration | status | time | note |\n|---|---|---:|---|\n");
        for (MigrationRun run : result.runs()) {
            md.append("| ").append(escape(run.migration().displayName())).append(" | ").append(status(run.status()))
                    .append(run.history() ? " (history)" : "")
                    .append(" | ").append(run.status() == MigrationRun.Status.NOT_RUN ? "" : run.duration().toMillis() + " ms")
                    .append(" | ").append(run.autocommitReason().isEmpty() ? "" : "no transaction: " + escape(run.autocommitReason()))
                    .append(" |\n");
        }
        if (!result.findings().isEmpty()) {
            md.append("\n### Findings\n");
            result.findings().forEach(finding -> finding(md, finding));
        }
        return md.toString();
    }

    private void finding(StringBuilder md, Finding finding) {
        String where = paths.text(finding.location());
        md.append("\n**").append(finding.severity().name().toLowerCase(Locale.ROOT)).append("** ");
        if (!where.isEmpty()) {
            md.append(escape(where)).append(": ");
        }
        md.append(escape(finding.message())).append(" (").append(escape(finding.ruleId())).append(")\n");
        if (!finding.hint().isEmpty()) {
            md.append("\n> ").append(escape(finding.hint())).append('\n');
        }
        if (!finding.evidence().isEmpty()) {
            String body = String.join("\n", finding.evidence());
            String fence = fenceFor(body);
            md.append("\n<details><summary>Evidence</summary>\n\n")
                    .append(fence).append(EvidenceLines.isDiff(finding.evidence()) ? "diff" : "text").append('\n')
                    .append(body).append('\n').append(fence).append("\n\n</details>\n");
        }
    }

    private static String status(MigrationRun.Status status) {
        return switch (status) {
            case APPLIED -> "✅ applied";
            case FAILED -> "❌ failed";
            case NOT_RUN -> "⏭ not run";
        };
    }

    /** A code fence longer than any run of backticks in the text, so the text cannot close it. */
    static String fenceFor(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Makes text literal in Markdown and in a table cell: markup characters escaped, HTML as entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
