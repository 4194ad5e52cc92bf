package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.migration.Migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The migration × check table of the HTML report: one row per migration with its status, the
 * time its up script took as a bar, and per check a ✓ or the number of findings coloured by the
 * worst, linking to the migration's findings. Rows carry what the page's filters match on.
 */
final class HtmlMatrix {

    private HtmlMatrix() {
    }

    static void render(StringBuilder html, MigrationFindings grouped, List<CheckOutcome> checks) {
        long longest = Math.max(1, grouped.runs().values().stream().mapToLong(r -> r.duration().toMillis()).max().orElse(1));
        html.append("<section id=\"migrations\"><h2>Migrations</h2>\n<table class=\"matrix\"><thead><tr><th>migration</th>")
                .append("<th>status</th><th>up script</th>");
        checks.forEach(check -> html.append("<th>").append(HtmlReport.escape(check.name())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        int index = 0;
        for (Map.Entry<Migration, List<Finding>> entry : grouped.byMigration().entrySet()) {
            Migration migration = entry.getKey();
            List<Finding> findings = entry.getValue();
            MigrationRun run = grouped.run(migration).orElse(null);
            String anchor = anchor(migration, index++);
            String status = run == null ? "linted" : run.outcome().label() + (run.history() ? " (history)" : "");
            boolean problem = run != null && !run.outcome().ok() || !findings.isEmpty();
            html.append("<tr id=\"").append(anchor).append("\" ").append(HtmlReport.filterData(migration.displayName(), findings, problem))
                    .append("><td><a href=\"#findings-").append(anchor).append("\">").append(HtmlReport.escape(migration.displayName()))
                    .append("</a></td><td class=\"status ").append(run == null ? "" : run.outcome().id()).append("\">")
                    .append(HtmlReport.escape(status)).append("</td><td class=\"ms\">");
            if (run != null && run.outcome().ran()) {
                long ms = run.duration().toMillis();
                html.append("<span class=\"bar\"><span style=\"width:").append(String.format(Locale.ROOT, "%.1f", 100.0 * ms / longest))
                        .append("%\"></span></span>").append(ms).append(" ms");
            }
            html.append("</td>");
            for (CheckOutcome check : checks) {
                if (run != null && !run.outcome().ran()) {
                    html.append("<td class=\"skip\">–</td>");
                    continue;
                }
                cell(html, anchor, findings.stream().filter(f -> CheckOutcome.checkOf(f.ruleId()).equals(check.name())).toList());
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void cell(StringBuilder html, String anchor, List<Finding> findings) {
        if (findings.isEmpty()) {
            html.append("<td class=\"ok\">✓</td>");
            return;
        }
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
        String title = findings.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", "));
        html.append("<td><a class=\"count ").append(worst.name().toLowerCase(Locale.ROOT)).append("\" href=\"#findings-")
                .append(anchor).append("\" title=\"").append(HtmlReport.escape(title)).append("\">").append(findings.size())
                .append("</a></td>");
    }

    /** The migration's anchor: {@code m-} and its version, or its place for a repeatable one. */
    static String anchor(Migration migration, int index) {
        return migration.version() == null ? "m-r" + index : "m-" + migration.version().text().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
