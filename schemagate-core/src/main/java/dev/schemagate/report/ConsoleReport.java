package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The report people read in a terminal or a CI log: one line per migration as it runs (history
 * that applied gathered in one line), then the findings with the SQL around them, then a one-line
 * verdict.
 */
public final class ConsoleReport implements ProgressListener {

    private final PrintWriter out;
    private final Ansi ansi;
    private final ReportPaths paths;
    private final String verb;
    private int nameWidth = 20;
    private int historyApplied;
    private Duration historyTime = Duration.ZERO;

    /**
     * @param base paths in findings are shown relative to this folder (the working directory)
     */
    public ConsoleReport(PrintWriter out, Ansi ansi, Path base) {
        this(out, ansi, base, "Verifying");
    }

    /**
     * @param verb what the first line says the run does: {@code Verifying}, {@code Linting}
     */
    public ConsoleReport(PrintWriter out, Ansi ansi, Path base, String verb) {
        this.out = out;
        this.ansi = ansi;
        this.paths = new ReportPaths(base);
        this.verb = verb;
    }

    @Override
    public void started(MigrationSet migrations, HistoryCut cut, String server) {
        nameWidth = migrations.migrations().stream().mapToInt(m -> m.displayName().length()).max().orElse(20);
        nameWidth = Math.min(Math.max(nameWidth, 20), 60);
        int total = migrations.migrations().size();
        int history = cut.historyCount(migrations.migrations());
        String split = cut.active() ? String.format(Locale.ROOT, ": %d history (%s), %d to check", history,
                PlainText.of(cut.origin()), total - history) : "";
        out.printf("%s %s (%s layout, %s%s) on %s%n", verb, PlainText.of(paths.relative(migrations.directory())),
                migrations.layout().id(), count(total, "migration"), split, server);
    }

    @Override
    public void migrationStarted(Migration migration, int index, int total) {
        if (ansi.enabled()) {
            out.print("  " + ansi.dim("… " + PlainText.of(migration.displayName())) + "\r");
            out.flush();
        }
    }

    @Override
    public void migrationFinished(MigrationRun run, int index, int total) {
        boolean ok = run.outcome().ok();
        if (ok && run.history()) {
            historyApplied++;
            historyTime = historyTime.plus(run.duration());
            return;
        }
        history();
        boolean notRun = run.outcome() == MigrationOutcome.NOT_RUN;
        String mark = !run.outcome().ran() && (ok || notRun) ? ansi.dim("–") : ok ? ansi.green("✓") : ansi.red("✗");
        String name = pad(PlainText.of(run.migration().displayName()), nameWidth);
        String note = run.history() ? ansi.dim("  history")
                : run.autocommitReason().isEmpty() ? "" : ansi.dim("  no transaction: " + PlainText.of(run.autocommitReason()));
        if (run.outcome() == MigrationOutcome.SKIPPED || notRun) {
            out.printf("  %s %s %7s  %s%n", mark, name, "", ansi.dim(run.outcome().label()));
            out.flush();
            return;
        }
        out.printf("  %s %s %7s%s%s%n", mark, name, millis(run.duration()), reversal(run), note);
        out.flush();
    }

    /** One line for the history migrations applied since the last line: they are only applied, and did. */
    private void history() {
        if (historyApplied > 0) {
            out.printf("  %s %s%n", ansi.dim("·"), ansi.dim(historyApplied + " history migration" + (historyApplied == 1 ? "" : "s")
                    + " applied (" + millis(historyTime) + ")"));
            historyApplied = 0;
            historyTime = Duration.ZERO;
        }
    }

    private String reversal(MigrationRun run) {
        return switch (run.reversal()) {
            case REVERSED -> ansi.dim(String.format("  ⇄ %6s", millis(run.reversalDuration())));
            case FAILED -> "  " + ansi.red("⇄ rollback fails");
            case NOT_RESTORED -> "  " + ansi.red("⇄ rollback leaves another schema");
            case LOSES_ROWS -> "  " + ansi.red("⇄ rollback loses rows");
            case MISSING_DOWN -> "  " + ansi.red("⇄ no down script");
            case NO_DOWN -> "  " + ansi.yellow("⇄ no down");
            case FAILS_ON_SAMPLE_ROWS -> "  " + ansi.yellow("⇄ rollback fails only with sample rows");
            case NOT_CHECKED -> "";
        };
    }

    /** Prints the findings and the verdict. */
    public void summary(VerifyResult result) {
        history();
        if (!result.findings().isEmpty()) {
            out.println();
        }
        for (Finding finding : result.findings()) {
            printFinding(finding);
        }
        out.println();
        out.println(verdict(result, ansi));
        out.flush();
    }

    /**
     * The verdict line: {@code PASSED 12 of 12 migrations applied, 0 errors, 0 warnings (3.80 s)},
     * with how many migrations their preconditions skipped, how many rollbacks failed, how many were
     * not run and how many notes there are when there are any; a run that applied nothing (a lint run) says how many it linted.
     */
    public static String verdict(VerifyResult result, Ansi ansi) {
        long notRun = result.runs().stream().filter(r -> r.outcome() == MigrationOutcome.NOT_RUN).count();
        long skipped = result.runs().stream().filter(r -> r.outcome() == MigrationOutcome.SKIPPED).count();
        long rollbacks = result.runs().stream().filter(r -> r.outcome() == MigrationOutcome.ROLLBACK_FAILED).count();
        long infos = result.count(Severity.INFO);
        String migrations = result.runs().isEmpty() ? count(result.migrations().migrations().size(), "migration") + " linted"
                : result.applied() + " of " + count(result.runs().size(), "migration") + " applied";
        String split = result.cut().active() ? " (" + PlainText.of(HistorySplit.of(result)) + ")" : "";
        String counts = String.format(Locale.ROOT, "%s%s%s%s%s, %s, %s%s (%s)", migrations, split,
                skipped > 0 ? ", " + skipped + " skipped by their preconditions" : "",
                rollbacks > 0 ? ", " + rollbacks + " rollback" + plural(rollbacks) + " failed" : "",
                notRun > 0 ? ", " + notRun + " not run" : "",
                count(result.count(Severity.ERROR), "error"), count(result.count(Severity.WARNING), "warning"),
                infos > 0 ? ", " + count(infos, "note") : "", seconds(result.duration()));
        return result.passed() ? ansi.green(ansi.bold("PASSED")) + " " + counts : ansi.red(ansi.bold("FAILED")) + " " + counts;
    }

    private void printFinding(Finding finding) {
        out.println(FindingLine.format(finding, paths, ansi));
        for (String line : finding.evidence()) {
            out.println("    " + PlainText.of(line));
        }
        if (!finding.hint().isEmpty()) {
            out.println("    " + ansi.dim("hint: ") + PlainText.of(finding.hint()));
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** {@code 1.24 s}: rounded half up to hundredths, as {@code %.2f} would, without a Formatter's start-up. */
    static String seconds(Duration duration) {
        long hundredths = (duration.toMillis() + 5) / 10;
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction + " s";
    }

    /** {@code 1 migration}, {@code 2 migrations}. */
    static String count(long count, String noun) {
        return count + " " + noun + plural(count);
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
