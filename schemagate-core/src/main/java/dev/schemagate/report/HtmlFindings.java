package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.migration.Migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings part of the HTML report: grouped under their migration (each group and each
 * finding with an anchor to link to), then those about no migration, each with its SQL or a
 * side-by-side diff.
 */
final class HtmlFindings {

    private final ReportPaths paths;
    private int number;

    HtmlFindings(ReportPaths paths) {
        this.paths = paths;
    }

    void render(StringBuilder html, MigrationFindings grouped) {
        html.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (grouped.others().isEmpty() && grouped.byMigration().values().stream().allMatch(List::isEmpty)) {
            html.append("<p class=\"ok\">No findings.</p>\n");
        }
        int index = 0;
        for (Map.Entry<Migration, List<Finding>> entry : grouped.byMigration().entrySet()) {
            String anchor = HtmlMatrix.anchor(entry.getKey(), index++);
            if (entry.getValue().isEmpty()) {
                continue;
            }
            String status = grouped.run(entry.getKey()).map(MigrationRun::outcome).map(o -> " · " + o.label()).orElse("");
            group(html, "findings-" + anchor, entry.getKey().displayName(), status, entry.getValue());
        }
        if (!grouped.others().isEmpty()) {
            group(html, "findings-run", "The whole run", "", grouped.others());
        }
        html.append("</section>\n");
    }

    private void group(StringBuilder html, String id, String name, String status, List<Finding> findings) {
        html.append("<div class=\"group\" id=\"").append(id).append("\" ").append(HtmlReport.filterData(name, findings, true))
                .append("><h3><a href=\"#").append(id).append("\">").append(HtmlReport.escape(name)).append("</a>")
                .append("<span class=\"muted\">").append(HtmlReport.escape(status)).append("</span></h3>\n");
        findings.forEach(finding -> finding(html, finding));
        html.append("</div>\n");
    }

    private void finding(StringBuilder html, Finding finding) {
        String severity = finding.severity().name().toLowerCase(Locale.ROOT);
        String where = paths.text(finding.location());
        String id = "finding-" + ++number;
        html.append("<article id=\"").append(id).append("\" data-check=\"").append(HtmlReport.escape(CheckOutcome.checkOf(finding.ruleId())))
                .append("\" data-severity=\"").append(severity).append("\"><p><a class=\"sev ").append(severity)
                .append("\" href=\"#").append(id).append("\">").append(severity).append("</a> ");
        if (!where.isEmpty()) {
            html.append("<span class=\"where\">").append(HtmlReport.escape(where)).append("</span> ");
        }
        html.append(HtmlReport.escape(finding.message())).append(" <a href=\"").append(HtmlReport.escape(RuleDocs.uri(finding.ruleId())))
                .append("\">").append(HtmlReport.escape(finding.ruleId())).append("</a></p>\n");
        evidence(html, finding.evidence());
        if (!finding.hint().isEmpty()) {
            html.append("<p class=\"hint\">Hint: ").append(HtmlReport.escape(finding.hint())).append("</p>\n");
        }
        html.append("</article>\n");
    }

    private static void evidence(StringBuilder html, List<String> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        if (EvidenceLines.isDiff(evidence)) {
            html.append("<table class=\"diff\"><tr><th>expected</th><th>actual</th></tr>\n");
            for (EvidenceLines.Row row : EvidenceLines.sideBySide(evidence)) {
                html.append("<tr>").append(cell(row.left(), row.changed() ? "del" : "")).append(cell(row.right(),
                        row.changed() ? "add" : "")).append("</tr>\n");
            }
            html.append("</table>\n");
            return;
        }
        html.append("<pre>");
        for (String line : evidence) {
            html.append(line.startsWith(">") ? "<span class=\"here\">" + HtmlReport.escape(line) + "</span>" : HtmlReport.escape(line))
                    .append('\n');
        }
        html.append("</pre>\n");
    }

    private static String cell(String text, String kind) {
        if (text == null) {
            return "<td></td>";
        }
        return "<td" + (kind.isEmpty() ? "" : " class=\"" + kind + "\"") + ">" + HtmlReport.escape(text) + "</td>";
    }
}
