package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.VerifyResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page for a reviewer of a long history: the verdict, the checks, a
 * migration × check matrix with each migration's status and time, filters by check, severity and
 * migration, and the findings grouped under their migration with the SQL around them or a
 * side-by-side diff; every migration and finding has an anchor to link to. It loads nothing from
 * the network. Every text from migrations is escaped, and a Content-Security-Policy allows only
 * the page's own script, so a hostile file name, comment or message cannot run code.
 */
public final class HtmlReport {

    private static final String SCRIPT = """
            (function(){document.body.classList.add('js');
            var v=function(i){return document.getElementById(i);};
            var has=function(list,x){return !x||(' '+list+' ').indexOf(' '+x+' ')>=0;};
            function apply(){var c=v('f-check').value,s=v('f-severity').value,m=v('f-migration').value.toLowerCase(),p=v('f-problems').checked;
            document.querySelectorAll('[data-m]').forEach(function(e){e.hidden=!(e.dataset.m.toLowerCase().indexOf(m)>=0
            &&has(e.dataset.checks,c)&&has(e.dataset.sev,s)&&(!p||e.dataset.problem==='1'));});
            document.querySelectorAll('article[data-check]').forEach(function(e){e.hidden=!(has(e.dataset.check,c)&&has(e.dataset.severity,s));});}
            ['f-check','f-severity','f-migration','f-problems'].forEach(function(i){v(i).addEventListener('input',apply);v(i).addEventListener('change',apply);});
            })();
            """;
    static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            main{max-width:1200px;margin:0 auto;padding:0 24px 48px}
            header{padding:20px 24px;color:#fff}header.passed{background:#1a7f37}header.failed{background:#cf222e}
            header h1{margin:0;font-size:28px}header p{margin:4px 0 0;opacity:.9}
            section{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:20px 0;padding:12px 20px}
            h2{font-size:18px;margin:4px 0 12px}h3{font-size:15px;margin:14px 0 4px}table{border-collapse:collapse}
            td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}
            .ok{color:#1a7f37}.bad{color:#cf222e}.skip,.muted{color:#6e7781}.muted{font-weight:400;margin-left:8px}
            .filters{display:none;gap:16px;align-items:center;flex-wrap:wrap}.js .filters{display:flex}
            table.matrix{width:100%}table.matrix th{position:sticky;top:0;background:#fff;border-bottom:1px solid #d0d7de}
            table.matrix td{border-bottom:1px solid #eaeef2;white-space:nowrap}table.matrix td:first-child{white-space:normal}
            .status.rollbackFailed,.status.missingDown,.status.failed{color:#cf222e;font-weight:600}.status.noDown,.status.rollbackFailsOnSampleRows{color:#9a6700}.status.notRun{color:#6e7781}
            .bar{display:inline-block;width:80px;background:#eaeef2;height:10px;border-radius:3px;margin-right:6px}
            .bar span{display:block;height:10px;border-radius:3px;background:#54aeff}
            .ms{font-variant-numeric:tabular-nums;color:#57606a}
            a.count{font-weight:600;text-decoration:none;padding:0 6px;border-radius:3px;color:#fff}
            .count.error{background:#cf222e}.count.warning{background:#9a6700}.count.info{background:#0969da}
            article{border-top:1px solid #d0d7de;padding:10px 0}
            .sev{font-weight:600;text-transform:uppercase;font-size:12px;padding:1px 6px;border-radius:3px;color:#fff;text-decoration:none}
            .sev.error{background:#cf222e}.sev.warning{background:#9a6700}.sev.info{background:#0969da}
            .where{font-family:ui-monospace,monospace;font-weight:600}
            pre,table.diff{font:12px/1.5 ui-monospace,monospace;background:#f6f8fa;border-radius:6px;padding:8px 12px;overflow:auto}
            pre .here{background:#ffebe9;display:inline-block;min-width:100%}
            table.diff{width:100%;table-layout:fixed}table.diff td{white-space:pre-wrap;width:50%}
            td.del{background:#ffebe9}td.add{background:#dafbe1}.hint{color:#57606a}:target{background:#fff8c5}
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
                .append(" layout · ").append(escape(ConsoleReport.verdict(result, Ansi.PLAIN).replaceFirst("^\\S+ ", "")))
                .append(" · ")
                .append(result.cut().active() ? escape(HistorySplit.of(result)) + " · " : "")
                .append(escape(result.server())).append("</p></header>\n<main>\n");
        List<CheckOutcome> checks = CheckOutcome.of(result);
        MigrationFindings grouped = MigrationFindings.of(result);
        checks(html, checks);
        filters(html, checks);
        HtmlMatrix.render(html, grouped, checks);
        new HtmlFindings(paths).render(html, grouped);
        return html.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n").toString();
    }

    private static void checks(StringBuilder html, List<CheckOutcome> checks) {
        html.append("<section id=\"checks\"><h2>Checks</h2><table>\n");
        for (CheckOutcome check : checks) {
            html.append("<tr><td>").append(escape(check.name())).append("</td><td class=\"")
                    .append(check.passed() ? "ok\">passed" : "bad\">failed").append("</td><td>")
                    .append(check.findings().size()).append(check.findings().size() == 1 ? " finding" : " findings")
                    .append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static void filters(StringBuilder html, List<CheckOutcome> checks) {
        html.append("<section class=\"filters\" id=\"filters\"><label>check <select id=\"f-check\"><option value=\"\">all</option>");
        checks.forEach(check -> html.append("<option>").append(escape(check.name())).append("</option>"));
        html.append("</select></label><label>severity <select id=\"f-severity\"><option value=\"\">all</option>");
        for (Severity severity : Severity.values()) {
            html.append("<option>").append(severity.name().toLowerCase(Locale.ROOT)).append("</option>");
        }
        html.append("</select></label><label>migration <input id=\"f-migration\" type=\"search\" placeholder=\"version or name\">")
                .append("</label><label><input type=\"checkbox\" id=\"f-problems\"> only migrations with a problem</label></section>\n");
    }

    /** The attributes the page's filters match a migration's row or findings group on. */
    static String filterData(String name, List<Finding> findings, boolean problem) {
        String checks = findings.stream().map(f -> CheckOutcome.checkOf(f.ruleId())).distinct().collect(Collectors.joining(" "));
        String severities = findings.stream().map(f -> f.severity().name().toLowerCase(Locale.ROOT)).distinct()
                .collect(Collectors.joining(" "));
        return "data-m=\"" + escape(name) + "\" data-checks=\"" + escape(checks) + "\" data-sev=\"" + severities
                + "\" data-problem=\"" + (problem ? "1" : "0") + "\"";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : PlainText.of(text).toCharArray()) {
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
