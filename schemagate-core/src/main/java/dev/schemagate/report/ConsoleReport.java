package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The report people read in a terminal or a CI log: one line per migration as it runs, then the
 * findings with the SQL around them, then a one-line verdict.
 */
public final class ConsoleReport implements ProgressListener {

    private final PrintWriter out;
    private final Ansi ansi;
    private final ReportPaths paths;
    private int nameWidth = 20;

    /**
     * @param base paths in findings are shown relative to this folder (the working directory)
     */
    public ConsoleReport(PrintWriter out, Ansi ansi, Path base) {
        this.out = out;
        this.ansi = ansi;
        this.paths = new ReportPaths(base);
    }

    @Override
    public void started(MigrationSet migrations, String server) {
        nameWidth = migrations.migrations().stream().mapToInt(m -> m.displayName().length()).max().orElse(20);
        nameWidth = Math.min(Math.max(nameWidth, 20), 60);
        out.printf("Verifying %s (%s layout, %d migrations) on %s%n", paths.relative(migrations.directory()),
                migrations.layout().id(), migrations.migrations().size(), server);
    }

    @Override
    public void migrationStarted(Migration migration, int index, int total) {
        if (ansi.enabled()) {
            out.print("  " + ansi.dim("… " + migration.displayName()) + "\r");
            out.flush();
        }
    }

    @Override
    public void migrationFinished(MigrationRun run, int index, int total) {
        boolean ok = run.status() == MigrationRun.Status.APPLIED && !run.reversal().failed();
        String mark = ok ? ansi.green("✓") : ansi.red("✗");
        String name = pad(run.migration().displayName(), nameWidth);
        String note = run.autocommitReason().isEmpty() ? "" : ansi.dim("  no transaction: " + run.autocommitReason());
        out.printf("  %s %s %7s%s%s%n", mark, name, millis(run.duration()), reversal(run), note);
        out.flush();
    }

    private String reversal(MigrationRun run) {
        return switch (run.reversal()) {
            case REVERSED -> ansi.dim(String.format("  ⇄ %6s", millis(run.reversalDuration())));
            case FAILED -> "  " + ansi.red("⇄ rollback fails");
            case NOT_RESTORED -> "  " + ansi.red("⇄ rollback leaves another schema");
            case LOSES_ROWS -> "  " + ansi.red("⇄ rollback loses rows");
            case MISSING_DOWN -> "  " + ansi.red("⇄ no down script");
            case NO_DOWN -> "  " + ansi.yellow("⇄ no down");
            case NOT_CHECKED -> "";
        };
    }

    /** Prints the findings and the verdict. */
    public void summary(VerifyResult result) {
        if (!result.findings().isEmpty()) {
            out.println();
        }
        for (Finding finding : result.findings()) {
            printFinding(finding);
        }
        long notRun = result.runs().stream().filter(r -> r.status() == MigrationRun.Status.NOT_RUN).count();
        String counts = String.format(Locale.ROOT, "%d of %d migrations applied%s, %d error%s, %d warning%s (%s)",
                result.applied(), result.runs().size(), notRun > 0 ? ", " + notRun + " not run" : "",
                result.count(Severity.ERROR), plural(result.count(Severity.ERROR)),
                result.count(Severity.WARNING), plural(result.count(Severity.WARNING)), seconds(result.duration()));
        out.println();
        out.println(result.passed() ? ansi.green(ansi.bold("PASSED")) + " " + counts : ansi.red(ansi.bold("FAILED")) + " " + counts);
        out.flush();
    }

    private void printFinding(Finding finding) {
        String severity = switch (finding.severity()) {
            case ERROR -> ansi.red("error");
            case WARNING -> ansi.yellow("warning");
            case INFO -> "info";
        };
        String where = finding.location() == null ? "" : " " + ansi.bold(paths.text(finding.location())) + ":";
        out.printf("%s%s %s %s%n", severity, where, finding.message(), ansi.dim("[" + finding.ruleId() + "]"));
        for (String line : finding.evidence()) {
            out.println("    " + line);
        }
        if (!finding.hint().isEmpty()) {
            out.println("    " + ansi.dim("hint: ") + finding.hint());
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
