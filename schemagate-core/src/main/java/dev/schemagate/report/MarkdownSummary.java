package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result as Markdown, for a pull request or the GitHub Actions job summary: the verdict, a
 * table of checks and one of migrations (for a long history, only those with a problem), then the
 * findings grouped by rule, each with its evidence collapsed in a {@code <details>}. It stays
 * within GitHub's size limits: what does not fit is counted and pointed to the full reports. Text
 * from migrations is escaped, so a file name or message cannot add markup.
 */
public final class MarkdownSummary {

    /**
     * Characters the summary stays within: under a pull request comment's 65,536, and so far under
     * the job summary's 1 MiB.
     */
    public static final int GITHUB_BUDGET = 60_000;
    private static final int ALL_MIGRATIONS_UP_TO = 50;
    private static final int MIGRATION_ROWS = 100;
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final ReportPaths paths;
    private final int budget;

    public MarkdownSummary(ReportPaths paths) {
        this(paths, GITHUB_BUDGET);
    }

    /** A summary whose findings stop once it holds {@code budget} characters. */
    public MarkdownSummary(ReportPaths paths, int budget) {
        this.paths = paths;
        this.budget = budget;
    }

    public String render(VerifyResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Schemagate: ").append(result.passed() ? "✅ passed" : "❌ failed").append("\n\n");
        md.append(escape(paths.relative(result.migrations().directory()))).append(" · ")
                .append(escape(result.migrations().layout().id())).append(" layout · ")
                .append(ConsoleReport.count(result.runs().size(), "migration")).append(" · ")
                .append(result.cut().active() ? escape(HistorySplit.of(result)) + " · " : "")
                .append(escape(result.server())).append(" · ")
                .append(String.format(Locale.ROOT, "%.2f s", result.duration().toMillis() / 1000.0)).append("\n\n");
        md.append("| check | result | errors | warnings |\n|---|---|---:|---:|\n");
        for (CheckOutcome check : CheckOutcome.of(result)) {
            md.append("| ").append(escape(check.name())).append(" | ").append(check.passed() ? "✅ passed" : "❌ failed")
                    .append(" | ").append(check.count(Severity.ERROR)).append(" | ").append(check.count(Severity.WARNING))
                    .append(" |\n");
        }
        migrations(md, result);
        findings(md, result);
        return md.toString();
    }

    /**
     * The migrations table: every migration when the history is short; for a long one, those
     * whose status is not {@code applied} and a count of the others.
     */
    private static void migrations(StringBuilder md, VerifyResult result) {
        List<MigrationRun> shown = result.runs().size() <= ALL_MIGRATIONS_UP_TO ? result.runs()
                : result.runs().stream().filter(run -> run.outcome() != MigrationOutcome.APPLIED).toList();
        if (shown.isEmpty()) {
            md.append("\nAll ").append(result.runs().size()).append(result.history() > 0
                    ? " migrations applied; the ones after the history also rolled back.\n" : " migrations applied and rolled back.\n");
            return;
        }
        md.append("\n| migration | status | time | note |\n|---|---|---:|---|\n");
        int rows = 0;
        for (MigrationRun run : shown) {
            if (++rows > MIGRATION_ROWS) {
                md.append("| … ").append(shown.size() - MIGRATION_ROWS).append(" more | | | |\n");
                break;
            }
            md.append("| ").append(escape(run.migration().displayName())).append(" | ").append(status(run.outcome()))
                    .append(run.history() ? " (history)" : "")
                    .append(" | ").append(!run.outcome().ran() ? "" : run.duration().toMillis() + " ms")
                    .append(" | ").append(run.autocommitReason().isEmpty() ? "" : "no transaction: " + escape(run.autocommitReason()))
                    .append(" |\n");
        }
        if (shown.size() < result.runs().size()) {
            md.append("\n").append(result.runs().size() - shown.size())
                    .append(" other migrations applied and rolled back.\n");
        }
    }

    /**
     * The findings, grouped by rule, most severe first, until the budget is spent; then how many
     * were left out and where to read them all.
     */
    private void findings(StringBuilder md, VerifyResult result) {
        if (result.findings().isEmpty()) {
            return;
        }
        md.append("\n### Findings\n");
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        result.findings().stream().sorted(Comparator.comparing(Finding::severity))
                .forEach(f -> byRule.computeIfAbsent(f.ruleId(), id -> new ArrayList<>()).add(f));
        int left = 0;
        for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
            if (left > 0 || md.length() > budget) {
                left += rule.getValue().size();
                continue;
            }
            md.append("\n#### ").append(escape(rule.getKey())).append(" (").append(rule.getValue().size()).append(")\n");
            for (Finding finding : rule.getValue()) {
                StringBuilder one = new StringBuilder();
                finding(one, finding);
                if (md.length() + one.length() > budget) {
                    left++;
                    continue;
                }
                md.append(one);
            }
        }
        if (left > 0) {
            md.append("\n**").append(left).append(left == 1 ? " more finding" : " more findings")
                    .append(" not shown** to stay within GitHub's size limits; the full list is in `report.html`,"
                            + " `report.json` and `report.sarif` (`schemagate verify --format html,json,sarif`).\n");
        }
    }

    private void finding(StringBuilder md, Finding finding) {
        md.append("\n").append(escape(FindingLine.text(finding, paths))).append("\n");
        if (!finding.hint().isEmpty()) {
            md.append("\n> ").append(escape(finding.hint())).append('\n');
        }
        if (!finding.evidence().isEmpty()) {
            String body = PlainText.of(String.join("\n", finding.evidence()));
            String fence = fenceFor(body);
            md.append("\n<details><summary>Evidence</summary>\n\n")
                    .append(fence).append(EvidenceLines.isDiff(finding.evidence()) ? "diff" : "text").append('\n')
                    .append(body).append('\n').append(fence).append("\n\n</details>\n");
        }
    }

    private static String status(MigrationOutcome outcome) {
        return switch (outcome) {
            case APPLIED, NO_DOWN -> "✅ " + outcome.label();
            case ROLLBACK_FAILED, MISSING_DOWN, FAILED -> "❌ " + outcome.label();
            case ROLLBACK_FAILS_ON_SAMPLE_ROWS -> "⚠️ " + outcome.label();
            case NOT_RUN, SKIPPED -> "⏭ " + outcome.label();
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
        for (char c : PlainText.of(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
