package dev.schemagate.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the HTML report in headless Chromium: it renders the verdict and the failing file and
 * line, runs its own script, and runs none from a hostile migration. Screenshots stay in
 * {@code target/html-report/} to look at.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target/html-report");

    @BeforeAll
    static void chromiumIsThere() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " on this machine (.ci/run installs it); skipping the browser test");
    }

    @Test
    void theFailingReportShowsTheFileAndLine(@TempDir Path dir) throws Exception {
        Path html = write(Path.of("").toAbsolutePath().relativize(Examples.root().resolve("broken/syntax-error")).toString(), dir);

        Browser page = Browser.open(html, dir, "syntax-error.png");

        assertThat(page.dom()).contains("<title>Schemagate failed: ../examples/broken/syntax-error</title>")
                .contains("FAILED")
                .contains("../examples/broken/syntax-error/0002_create_products.up.sql:5:5")
                .contains("&gt; 5 |     name   text NOT NULL")
                .contains("<body class=\"js\">");
        assertThat(page.consoleProblems()).isEmpty();
    }

    @Test
    void scriptFromAMigrationDoesNotRun(@TempDir Path dir) throws Exception {
        Path html = write(Hostile.migrations(dir.resolve("migrations")).toString(), dir);

        Browser page = Browser.open(html, dir, "hostile.png");

        assertThat(page.dom()).contains("<title>Schemagate failed: ")
                .doesNotContain("<title>" + Hostile.MARK)
                .doesNotContain("id=\"" + Hostile.MARK + "\"")
                .doesNotContain("<img").doesNotContain("<b id")
                .contains("&lt;script&gt;document.title=")
                .contains("2_&lt;img src=x onerror=");
        assertThat(page.consoleProblems()).isEmpty();
    }

    private static Path write(String migrations, Path dir) {
        ReportRun run = ReportRun.of(migrations, dir.resolve("reports"), "html");
        assertThat(run.run().exitCode()).as(run.run().toString()).isEqualTo(ExitCode.FINDINGS);
        return run.outDir().resolve("report.html").toAbsolutePath();
    }

    /** What headless Chromium made of a page: the DOM after scripts ran, and its log. */
    private record Browser(String dom, String log) {

        static Browser open(Path html, Path temp, String screenshot) throws IOException, InterruptedException {
            Files.createDirectories(SHOTS);
            Run dump = run(temp.resolve("profile-dom"), List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
                    html.toUri().toString()));
            run(temp.resolve("profile-shot"), List.of("--window-size=1200,900",
                    "--screenshot=" + SHOTS.resolve(screenshot).toAbsolutePath(), html.toUri().toString()));
            return new Browser(dump.out(), dump.err());
        }

        /** Lines where the page's console reported an error or the policy refused something. */
        List<String> consoleProblems() {
            return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused") || l.contains("Uncaught")).toList();
        }

        private record Run(String out, String err) {
        }

        private static Run run(Path profile, List<String> args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(args);
            Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
            Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 60 s: " + command);
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
