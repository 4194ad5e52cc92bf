package dev.schemagate.report;

import dev.schemagate.engine.ProgressListener;
import dev.schemagate.matrix.Target;
import dev.schemagate.matrix.TargetOutcome;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console of a run on several targets: each target's progress and report are held until the
 * target finishes and then printed whole under its heading, so targets that run at once do not
 * interleave their lines. The command line and the Maven goal print a matrix through it.
 */
public final class MatrixConsole {

    private final Reports reports;
    private final PrintWriter out;
    private final Ansi ansi;
    private final Map<Target, Section> sections = new ConcurrentHashMap<>();

    public MatrixConsole(Reports reports, PrintWriter out, Ansi ansi) {
        this.reports = reports;
        this.out = out;
        this.ansi = ansi;
    }

    /** The listener that records the target's progress for later. */
    public ProgressListener listener(Target target) {
        Section section = new Section(reports.forTarget(target), new StringWriter());
        sections.put(target, section);
        return section.reports().progress(section.writer(), ansi);
    }

    /** Prints the finished target's progress and report (its files written into its own folder), or why it could not run. */
    public synchronized void finished(TargetOutcome outcome) {
        Section section = sections.get(outcome.target());
        out.println();
        out.println(MatrixReport.heading(outcome.target(), ansi));
        if (section != null) {
            if (outcome.result() != null) {
                section.reports().write(outcome.result(), section.writer());
            }
            section.writer().flush();
            out.print(section.text());
        }
        if (outcome.result() == null) {
            out.println("error: " + outcome.error());
        }
        out.flush();
    }

    /** One target's reports, and its console text held until it is that target's turn to print. */
    private record Section(Reports reports, StringWriter text, PrintWriter writer) {
        Section(Reports reports, StringWriter text) {
            this(reports, text, new PrintWriter(text));
        }
    }
}
