package dev.schemagate.report;

import dev.schemagate.mutation.MutationResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a mutation run in the formats asked for: the console as it goes and at the end, and
 * {@code mutation.json}, {@code mutation-junit.xml} and {@code mutation.html} in the output folder.
 */
public final class MutationReports {

    private final Set<ReportFormat> formats;
    private final Path outDir;
    private final ReportPaths paths;

    public MutationReports(Set<ReportFormat> formats, Path outDir, ReportPaths paths) {
        this.formats = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        this.formats.retainAll(EnumSet.of(ReportFormat.CONSOLE, ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.HTML));
        this.outDir = outDir;
        this.paths = paths;
    }

    /** Holds the output folder when files are written there (see {@link Reports#holdOutputFolder()}). */
    public OutputFolderLock holdOutputFolder() {
        return formats.stream().anyMatch(f -> f != ReportFormat.CONSOLE) ? OutputFolderLock.take(outDir) : OutputFolderLock.none();
    }

    public MutationConsole console(PrintWriter out) {
        return new MutationConsole(out, paths);
    }

    public boolean showsProgress() {
        return formats.contains(ReportFormat.CONSOLE);
    }

    /** Writes the files and the console summary (or, without the console, the kill-rate line); returns the files written. */
    public List<Path> write(MutationResult result, PrintWriter out) {
        List<Path> written = new ArrayList<>();
        if (formats.contains(ReportFormat.JSON)) {
            written.add(file("mutation.json", new MutationJson(paths).render(result)));
        }
        if (formats.contains(ReportFormat.JUNIT)) {
            written.add(file("mutation-junit.xml", new MutationJunit(paths).render(result)));
        }
        if (formats.contains(ReportFormat.HTML)) {
            written.add(file("mutation.html", new MutationHtml(paths).render(result)));
        }
        if (formats.contains(ReportFormat.CONSOLE)) {
            console(out).summary(result);
        } else {
            out.println(String.format(java.util.Locale.ROOT, "Kill rate %.1f%%: %s", result.overall().killRate(),
                    MutationConsole.counts(result.overall())));
        }
        if (!written.isEmpty()) {
            out.println("Reports: " + String.join(", ", written.stream().map(paths::relative).toList()));
        }
        out.flush();
        return written;
    }

    private Path file(String name, String text) {
        Path file = outDir.resolve(name);
        Reports.write(file, text, false);
        return file;
    }
}
