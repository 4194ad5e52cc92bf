package dev.schemagate.report;

import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.matrix.MatrixResult;
import dev.schemagate.matrix.Target;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders one verify result in every requested format: the console report as the run goes, the
 * files into the output folder, and, on GitHub Actions, annotations and the job summary. The
 * environment is passed in, so that tests can play GitHub Actions.
 */
public final class Reports {

    private final Set<ReportFormat> formats;
    private final Path outDir;
    private final Map<String, String> env;
    private final ReportPaths paths;
    private ConsoleReport console;

    /**
     * @param formats the formats asked for; {@code github} is added when {@code GITHUB_ACTIONS=true}
     * @param outDir  the folder the file formats write to (created when needed)
     * @param env     the environment, such as {@link System#getenv()}
     * @param paths   how paths are shown
     */
    public Reports(Set<ReportFormat> formats, Path outDir, Map<String, String> env, ReportPaths paths) {
        this.formats = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            this.formats.add(ReportFormat.GITHUB);
        }
        this.outDir = outDir;
        this.env = Map.copyOf(env);
        this.paths = paths;
    }

    public Set<ReportFormat> formats() {
        return EnumSet.copyOf(formats);
    }

    /**
     * Holds the output folder for the run, when it writes report files there, so that a second
     * run sharing it is refused rather than mixing its reports with this one's.
     *
     * @throws InputException when another run holds the folder
     */
    public OutputFolderLock holdOutputFolder() {
        boolean files = formats.stream().anyMatch(format -> fileRenderer(format) != null);
        return files ? OutputFolderLock.take(outDir) : OutputFolderLock.none();
    }

    /** What hears a verify run as it goes: the console report when asked for, else nothing. */
    public ProgressListener progress(PrintWriter out, Ansi ansi) {
        return progress(out, ansi, "Verifying");
    }

    /** What hears a run as it goes, its first line saying what it does ({@code Linting}). */
    public ProgressListener progress(PrintWriter out, Ansi ansi, String verb) {
        if (!formats.contains(ReportFormat.CONSOLE)) {
            return ProgressListener.NONE;
        }
        console = new ConsoleReport(out, ansi, paths.base(), verb);
        return console;
    }

    /**
     * Renders the result: the console summary (or, without the console format, the verdict line)
     * and the GitHub annotations to {@code out}, the files into the output folder, the job summary
     * to {@code $GITHUB_STEP_SUMMARY}.
     *
     * @return the files written
     * @throws InputException when a file cannot be written
     */
    public List<Path> write(VerifyResult result, PrintWriter out) {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Function<VerifyResult, String> renderer = fileRenderer(format);
            if (renderer != null) {
                Path file = outDir.resolve(format.fileName());
                write(file, renderer.apply(result), false);
                written.add(file);
            }
        }
        if (console != null) {
            console.summary(result);
        } else {
            out.println(ConsoleReport.verdict(result, Ansi.PLAIN));
        }
        if (!written.isEmpty()) {
            out.println("Reports: " + String.join(", ", written.stream().map(paths::relative).toList()));
        }
        if (formats.contains(ReportFormat.GITHUB)) {
            new GithubAnnotations(paths).render(result).forEach(line -> WorkflowLog.command(out, line));
            String summary = env.get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                write(Path.of(summary), new MarkdownSummary(paths).render(result), true);
            }
        }
        out.flush();
        return written;
    }

    /** The reports of one target of a matrix run: the same formats, in a folder of the target's own under the output folder. */
    public Reports forTarget(Target target) {
        return new Reports(formats, outDir.resolve(target.slug()), env, paths);
    }

    /**
     * Renders a matrix run's own report after its targets' reports: the verdict per target and the
     * differences to {@code out}, and {@value MatrixReport#FILE} into the output folder with the JSON format.
     *
     * @return the files written
     * @throws InputException when a file cannot be written
     */
    public List<Path> writeMatrix(MatrixResult result, PrintWriter out, Ansi ansi) {
        MatrixReport report = new MatrixReport(paths);
        List<Path> written = new ArrayList<>();
        if (formats.contains(ReportFormat.JSON)) {
            Path file = outDir.resolve(MatrixReport.FILE);
            write(file, report.json(result), false);
            written.add(file);
        }
        out.println();
        report.summary(result, formats.contains(ReportFormat.CONSOLE) ? ansi : Ansi.PLAIN).forEach(out::println);
        if (!written.isEmpty()) {
            out.println("Reports: " + String.join(", ", written.stream().map(paths::relative).toList()));
        }
        out.flush();
        return written;
    }

    private Function<VerifyResult, String> fileRenderer(ReportFormat format) {
        return switch (format) {
            case JSON -> new JsonReport(paths)::render;
            case JUNIT -> new JunitReport(paths)::render;
            case SARIF -> new SarifReport(paths)::render;
            case MARKDOWN -> new MarkdownSummary(paths)::render;
            case HTML -> new HtmlReport(paths)::render;
            case CONSOLE, GITHUB -> null;
        };
    }

    /**
     * Writes a report file whole: into a temporary file beside it, renamed over it, so that a
     * reader (or a run killed half way) never sees half a report. The job summary is appended to.
     */
    static void write(Path file, String text, boolean append) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return;
            }
            // a name of this process's own, made with the umask's permissions (a temp file would be owner-only)
            Path partial = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try {
                Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the report (" + e.getMessage() + "); check --out", e);
        }
    }
}
