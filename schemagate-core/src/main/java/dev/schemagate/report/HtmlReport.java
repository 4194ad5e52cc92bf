package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page for a reviewer: the verdict, the migrations as a timeline of their
 * durations, and each finding with the SQL around it or a side-by-side diff. It loads nothing from
 * the network. Every text from migrations is escaped, and a Content-Security-Policy allows only
 * the page's own script, so a hostile file name, comment or message cannot run code.
 */
public final class HtmlReport {

    private static final String SCRIPT = "document.body.classList.add('js');"
            + "document.getElementById('only-problems').addEventListener('change',"
            + "function(e){document.body.classList.toggle('only-problems',e.target.checked);});";
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            main{max-width:1100px;margin:0 auto;padding:0 24px 48px}
            header{padding:20px 24px;color:#fff}header.passed{background:#1a7f37}header.failed{background:#cf222e}
            header h1{margin:0;font-size:28px}header p{margin:4px 0 0;opacity:.9}
            section{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:20px 0;padding:12px 20px}
            h2{font-size:18px;margin:4px 0 12px}table{border-collapse:collapse}
            td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}
            .ok{color:#1a7f37}.bad{color:#cf222e}.skip{color:#6e7781}
            ol.timeline{list-style:none;padding:0;margin:0}
            .timeline li{display:grid;grid-template-columns:1.2em minmax(180px,2fr) 3fr 70px;gap:8px;align-items:center;padding:2px 0}
            .bar{background:#eaeef2;height:12px;border-radius:3px}.bar span{display:block;height:12px;border-radius:3px;background:#54aeff}
            .failed .bar span{background:#cf222e}.ms{text-align:right;font-variant-numeric:tabular-nums;color:#57606a}
            .note{grid-column:2/5;color:#6e7781;font-size:12px}
            .only-problems .timeline li.applied{display:none}
            article{border-top:1px solid #d0d7de;padding:10px 0}article:first-of-type{border-top:0}
            .sev{font-weight:600;text-transform:uppercase;font-size:12px;padding:1px 6px;border-radius:3px;color:#fff}
            .sev.error{background:#cf222e}.sev.warning{background:#9a6700}.sev.info{background:#0969da}
            .where{font-family:ui-monospace,monospace;font-weight:600}
            pre,table.diff{font:12px/1.5 ui-monospace,monospace;background:#f6f8fa;border-radius:6px;padding:8px 12px;overflow:auto}
            pre .here{background:#ffebe9;display:inline-block;min-width:100%}
            table.diff{width:100%;table-layout:fixed}table.diff td{white-space:pre-wrap;width:50%}
            td.del{background:#ffebe9}td.add{background:#dafbe1}.hint{color:#57606a}
            """;
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
            + sha256(SCRIPT) + "'";

    private final ReportPaths paths;

    public HtmlReport(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(VerifyResult result) {
        String verdict = result.passed() ? "passed" : "failed";
        String directory = paths.relative(result.migrations().directory());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Schemagate ").append(verdict).append(": ").append(escape(directory)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style></head>\n<body>\n")
                .append("<header class=\"").append(verdict).append("\"><h1>").append(verdict.toUpperCase(Locale.ROOT))
                .append("</h1><p>").append(escape(directory)).append(" · ").append(escape(result.migrations().layout().id()))
                .append(" layout · ").append(result.applied()).append(" of ").append(result.runs().size())
                .append(" migrations applied · ")
                .append(result.cut().active() ? escape(HistorySplit.of(result)) + " · " : "")
                .append(escape(result.server())).append(" · ")
                .append(String.format(Locale.ROOT, "%.2f s", result.duration().toMillis() / 1000.0)).append("</p></header>\n<main>\n");
        checks(html, result);
        timeline(html, result);
        findings(html, result);
        return html.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n").toString();
    }

    private static void checks(StringBuilder html, VerifyResult result) {
        html.append("<section id=\"checks\"><h2>Checks</h2><table>\n");
        for (CheckOutcome check : CheckOutcome.of(result)) {
            html.append("<tr><td>").append(escape(check.name())).append("</td><td class=\"")
                    .append(check.passed() ? "ok\">passed" : "bad\">failed").append("</td><td>")
                    .append(check.findings().size()).append(check.findings().size() == 1 ? " finding" : " findings")
                    .append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static void timeline(StringBuilder html, VerifyResult result) {
        long longest = Math.max(1, result.runs().stream().mapToLong(r -> r.duration().toMillis()).max().orElse(1));
        html.append("<section id=\"migrations\"><h2>Migrations</h2>\n<p><label><input type=\"checkbox\" id=\"only-problems\">")
                .append(" only migrations that did not apply</label></p>\n<ol class=\"timeline\">\n");
        for (MigrationRun run : result.runs()) {
            String status = run.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
            String mark = switch (run.status()) {
                case APPLIED -> "<span class=\"ok\">✓</span>";
                case FAILED -> "<span class=\"bad\">✗</span>";
                case NOT_RUN -> "<span class=\"skip\" title=\"not run\">–</span>";
            };
            long ms = run.duration().toMillis();
            html.append("<li class=\"").append(status).append("\">").append(mark).append("<span>")
                    .append(escape(run.migration().displayName())).append("</span><span class=\"bar\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * ms / longest)).append("%\"></span></span><span class=\"ms\">")
                    .append(run.status() == MigrationRun.Status.NOT_RUN ? "not run" : ms + " ms").append("</span>");
            if (!run.autocommitReason().isEmpty()) {
                html.append("<span class=\"note\">no transaction: ").append(escape(run.autocommitReason())).append("</span>");
            }
            html.append("</li>\n");
        }
        html.append("</ol></section>\n");
    }

    private void findings(StringBuilder html, VerifyResult result) {
        html.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            html.append("<p class=\"ok\">No findings.</p>\n");
        }
        for (Finding finding : result.findings()) {
            String severity = finding.severity().name().toLowerCase(Locale.ROOT);
            String where = paths.text(finding.location());
            html.append("<article class=\"finding\"><p><span class=\"sev ").append(severity).append("\">").append(severity)
                    .append("</span> ");
            if (!where.isEmpty()) {
                html.append("<span class=\"where\">").append(escape(where)).append("</span> ");
            }
            html.append(escape(finding.message())).append(" <a href=\"").append(escape(RuleDocs.uri(finding.ruleId())))
                    .append("\">").append(escape(finding.ruleId())).append("</a></p>\n");
            evidence(html, finding.evidence());
            if (!finding.hint().isEmpty()) {
                html.append("<p class=\"hint\">Hint: ").append(escape(finding.hint())).append("</p>\n");
            }
            html.append("</article>\n");
        }
        html.append("</section>\n");
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
            html.append(line.startsWith(">") ? "<span class=\"here\">" + escape(line) + "</span>" : escape(line)).append('\n');
        }
        html.append("</pre>\n");
    }

    private static String cell(String text, String kind) {
        if (text == null) {
            return "<td></td>";
        }
        return "<td" + (kind.isEmpty() ? "" : " class=\"" + kind + "\"") + ">" + escape(text) + "</td>";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
