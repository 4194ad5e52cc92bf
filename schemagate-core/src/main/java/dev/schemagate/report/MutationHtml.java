package dev.schemagate.report;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.Score;

import java.util.Locale;
import java.util.Map;

/** The mutation run as one self-contained HTML page ({@code mutation.html}), in the verify report's style; no script. */
public final class MutationHtml {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final ReportPaths paths;

    public MutationHtml(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(MutationResult result) {
        String verdict = result.passed() ? "passed" : "failed";
        String directory = paths.relative(result.migrations().directory());
        Score overall = result.overall();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Schemagate mutation testing: ").append(HtmlReport.escape(directory)).append("</title>\n")
                .append("<style>\n").append(HtmlReport.STYLE).append("</style></head>\n<body>\n")
                .append("<header class=\"").append(verdict).append("\"><h1>Kill rate ").append(percent(overall)).append("</h1><p>")
                .append(HtmlReport.escape(directory)).append(" · ").append(MutationConsole.counts(overall))
                .append(result.minKillRate() > 0 ? " · threshold " + percent(result.minKillRate()) : "")
                .append(" · ").append(HtmlReport.escape(result.server())).append("</p></header>\n<main>\n");
        html.append("<section><h2>Scores</h2><table class=\"matrix\"><tr><th>group</th><th>kill rate</th><th>killed</th><th>survived</th>"
                + "<th>timed out</th><th>equivalent</th><th>not run</th></tr>\n");
        row(html, "all mutants", overall);
        for (Map.Entry<Category, Score> entry : result.byCategory().entrySet()) {
            row(html, "category " + entry.getKey().title(), entry.getValue());
        }
        for (Map.Entry<Severity, Score> entry : result.bySeverity().entrySet()) {
            row(html, "severity " + entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue());
        }
        html.append("</table></section>\n<section><h2>Survivors</h2>\n");
        if (result.survivors().isEmpty()) {
            html.append("<p class=\"ok\">None: the gate caught every scored mutant.</p>\n");
        }
        for (MutantResult r : result.survivors()) {
            html.append("<article id=\"").append(r.mutant().id()).append("\"><span class=\"sev ")
                    .append(r.mutant().operator().severity().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(r.mutant().operator().severity().name().toLowerCase(Locale.ROOT)).append("</span> <span class=\"where\">")
                    .append(HtmlReport.escape(paths.relative(r.mutant().file()) + ":" + r.mutant().line())).append("</span> ")
                    .append(HtmlReport.escape(r.mutant().id() + " " + r.mutant().operator().id() + ": " + r.mutant().summary()))
                    .append("<pre>").append(HtmlReport.escape(r.mutant().diff())).append("</pre><p class=\"hint\">would be caught by: ")
                    .append(HtmlReport.escape(r.mutant().operator().caughtBy())).append(r.note().isEmpty() ? "" : "<br>" + HtmlReport.escape(r.note()))
                    .append("</p></article>\n");
        }
        html.append("</section>\n<section><h2>Every mutant</h2><table class=\"matrix\"><tr><th>mutant</th><th>where</th><th>change</th>"
                + "<th>verdict</th><th>by</th></tr>\n");
        for (MutantResult r : result.results()) {
            html.append("<tr><td>").append(r.mutant().id()).append(' ').append(HtmlReport.escape(r.mutant().operator().id()))
                    .append("</td><td class=\"where\">").append(HtmlReport.escape(paths.relative(r.mutant().file()) + ":" + r.mutant().line()))
                    .append("</td><td>").append(HtmlReport.escape(r.mutant().summary())).append("</td><td class=\"")
                    .append(r.verdict().caught() ? "ok" : r.verdict().scored() ? "bad" : "muted").append("\">").append(r.verdict().id())
                    .append("</td><td>").append(HtmlReport.escape(MutationConsole.by(r))).append("</td></tr>\n");
        }
        return html.append("</table></section>\n</main>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder html, String name, Score score) {
        html.append("<tr><td>").append(HtmlReport.escape(name)).append("</td><td>").append(percent(score)).append("</td><td>")
                .append(score.killed()).append("</td><td>").append(score.survived()).append("</td><td>").append(score.timedOut())
                .append("</td><td>").append(score.equivalent()).append("</td><td>").append(score.notRun()).append("</td></tr>\n");
    }

    private static String percent(Score score) {
        return percent(score.killRate());
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate);
    }
}
