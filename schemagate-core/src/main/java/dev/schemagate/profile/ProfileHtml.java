package dev.schemagate.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML profile report: one page, no script and no network, with an SVG chart of time against
 * rows (both logarithmic) for each migration and its statements, and, from the history, each
 * migration's time at the largest size run after run.
 */
public final class ProfileHtml {

    private static final int WIDTH = 420;
    private static final int HEIGHT = 220;
    private static final int MARGIN = 48;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private ProfileHtml() {
    }

    public static String render(ProfileResult result, RegressionRule rule, List<History.Run> history) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Schemagate profile</title><style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
                + "pre{background:#f6f8fa;padding:1em;overflow:auto}svg{background:#fff;border:1px solid #ddd;margin:.5em 0}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.bad{color:#b00}</style></head><body>\n");
        html.append("<h1>Schemagate profile</h1>\n<p>").append(escape(result.machine().database())).append(", taken ")
                .append(escape(result.taken())).append(" by ").append(escape(result.tool())).append("; median of ")
                .append(result.repeat()).append(" run(s) at each size.</p>\n");
        if (!result.regressions().isEmpty()) {
            html.append("<h2 class=\"bad\">Regressions</h2><ul>");
            for (Regression r : result.regressions()) {
                html.append("<li class=\"bad\">").append(escape(String.format(Locale.ROOT, "%s %s at %,d rows: %s → %s (+%.0f%%)",
                        r.location(), r.what(), r.rows(), Durations.human(r.baseline()), Durations.human(r.median()), r.percent())))
                        .append("</li>");
            }
            html.append("</ul>\n");
        }
        if (history.size() > 1) {
            html.append("<h2>Trend across runs</h2>\n").append(trend(history));
        }
        for (MigrationProfile migration : result.migrations()) {
            html.append("<h2>").append(escape(migration.file())).append("</h2>\n");
            if (migration.failure() != null) {
                html.append("<p class=\"bad\">Failed on the filled tables: ").append(escape(migration.failure())).append("</p>\n");
                continue;
            }
            List<Series> series = new ArrayList<>();
            series.add(new Series("whole migration", points(result.ladder(), migration.time())));
            for (StatementProfile statement : migration.statements()) {
                series.add(new Series("line " + statement.line() + ": " + statement.action(), points(result.ladder(), statement.time())));
            }
            html.append(chart(series, "rows per table", true));
            html.append("<table><tr><th>statement</th>");
            result.ladder().forEach(rows -> html.append("<th>").append(String.format(Locale.ROOT, "%,d rows", rows)).append("</th>"));
            html.append("<th>cost model</th></tr>\n");
            for (StatementProfile statement : migration.statements()) {
                html.append("<tr><td>").append(statement.line()).append(": ").append(escape(statement.action())).append("</td>");
                for (int rows : result.ladder()) {
                    Timing t = statement.time().get(rows);
                    html.append("<td>").append(t == null ? "" : Durations.human(t.median())).append("</td>");
                }
                html.append("<td>").append(escape(statement.fit().describe()))
                        .append(result.atRows() == null ? "" : "<br>" + escape(Extrapolation.sentence(statement, result.atRows())))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Console report</h2><pre>").append(escape(ProfileText.render(result, rule))).append("</pre>\n</body></html>\n");
        return html.toString();
    }

    private record Series(String name, List<double[]> points) {
    }

    private static List<double[]> points(List<Integer> ladder, Map<Integer, Timing> time) {
        List<double[]> points = new ArrayList<>();
        for (int rows : ladder) {
            if (time.containsKey(rows)) {
                points.add(new double[] {rows, time.get(rows).median()});
            }
        }
        return points;
    }

    private static String trend(List<History.Run> runs) {
        Map<String, List<double[]>> byFile = new java.util.LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (History.Point point : runs.get(i).migrations()) {
                Integer largest = point.median().keySet().stream().max(Integer::compare).orElse(null);
                if (largest != null) {
                    byFile.computeIfAbsent(point.file() + " at " + String.format(Locale.ROOT, "%,d", largest) + " rows",
                            k -> new ArrayList<>()).add(new double[] {i + 1, point.median().get(largest)});
                }
            }
        }
        List<Series> series = byFile.entrySet().stream()
                .sorted((a, b) -> Double.compare(last(b.getValue()), last(a.getValue()))).limit(COLOURS.length)
                .map(e -> new Series(e.getKey(), e.getValue())).toList();
        return chart(series, "run", false);
    }

    private static double last(List<double[]> points) {
        return points.get(points.size() - 1)[1];
    }

    /** A line chart; time is on a logarithmic axis, and so is x when {@code logX}. */
    private static String chart(List<Series> all, String xLabel, boolean logX) {
        List<Series> series = all.stream().filter(s -> !s.points().isEmpty()).limit(COLOURS.length).toList();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, x(p[0], logX));
                maxX = Math.max(maxX, x(p[0], logX));
                minY = Math.min(minY, y(p[1]));
                maxY = Math.max(maxY, y(p[1]));
            }
        }
        if (series.isEmpty()) {
            return "";
        }
        maxX = maxX == minX ? minX + 1 : maxX;
        maxY = maxY - minY < 1 ? minY + 1 : maxY;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                WIDTH + 260, HEIGHT, WIDTH + 260, HEIGHT));
        int plotW = WIDTH - 2 * MARGIN + 20;
        int plotH = HEIGHT - 2 * MARGIN;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", MARGIN, HEIGHT - MARGIN,
                MARGIN + plotW, HEIGHT - MARGIN));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", MARGIN, MARGIN, MARGIN,
                HEIGHT - MARGIN));
        svg.append(text(MARGIN + plotW / 2, HEIGHT - 8, xLabel + (logX ? " (log)" : ""), "middle"));
        svg.append(text(4, MARGIN - 12, "ms (log)", "start"));
        svg.append(text(MARGIN - 4, MARGIN + 4, Durations.human(Math.pow(10, maxY)), "end"));
        svg.append(text(MARGIN - 4, HEIGHT - MARGIN, Durations.human(Math.pow(10, minY)), "end"));
        svg.append(text(MARGIN, HEIGHT - MARGIN + 14, label(minX, logX), "middle"));
        svg.append(text(MARGIN + plotW, HEIGHT - MARGIN + 14, label(maxX, logX), "middle"));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                double px = MARGIN + (x(p[0], logX) - minX) / (maxX - minX) * plotW;
                double py = HEIGHT - MARGIN - (y(p[1]) - minY) / (maxY - minY) * plotH;
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px, py, COLOURS[i]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%d\" points=\"%s\"/>",
                    COLOURS[i], i == 0 && logX ? 3 : 1, path.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", WIDTH + 4,
                    MARGIN + i * 16 - 4, COLOURS[i]));
            String name = s.name().length() > 40 ? s.name().substring(0, 37) + "..." : s.name();
            svg.append(text(WIDTH + 18, MARGIN + i * 16, name, "start"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(double value, boolean log) {
        return log ? Math.log10(Math.max(value, 1)) : value;
    }

    private static double y(double milliseconds) {
        return Math.log10(Math.max(milliseconds, 0.001));
    }

    private static String label(double x, boolean log) {
        return log ? String.format(Locale.ROOT, "%,.0f", Math.pow(10, x)) : String.format(Locale.ROOT, "%.0f", x);
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                escape(text));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
