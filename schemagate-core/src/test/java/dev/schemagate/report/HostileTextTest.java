package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server messages and SQL that try to steer a terminal, a workflow or a report viewer, and huge echoes. */
class HostileTextTest {

    private static final ReportPaths PATHS = ReportPaths.workingDirectory();
    private static final String OSC = "\u001b]0;pwned\u0007";
    private static final VerifyResult HOSTILE = Results.failing(Results.finding("apply.statement-failed", Severity.ERROR,
            "2_a.up.sql", 4, "relation does not exist\n::add-mask::secret\n  ::set-output name=x::y" + OSC,
            "> 4 | SELECT 1; -- \u001b[8mhidden\u001b[0m \u202eevil"));

    @Test
    void controlCharactersAreShownAsEscapesInEveryRenderer() {
        assertThat(PlainText.of("a" + OSC + "\r\nb\u202e\tc\rd")).isEqualTo("a\\x1b]0;pwned\\x07\nb\\u202e\tc\\x0dd");
        List<String> rendered = List.of(new MarkdownSummary(PATHS).render(HOSTILE), new HtmlReport(PATHS).render(HOSTILE),
                new JunitReport(PATHS).render(HOSTILE), String.join("\n", new GithubAnnotations(PATHS).render(HOSTILE)),
                console(HOSTILE, Map.of()));
        for (String text : rendered) {
            assertThat(text).doesNotContain("\u001b", "\u0007", "\u202e").contains("x1b", "x07");
        }
    }

    @Test
    void underGithubActionsNoLineOfTheConsoleReadsAsAWorkflowCommandButTheAnnotations() {
        String console = console(HOSTILE, Map.of("GITHUB_ACTIONS", "true"));
        List<String> commands = console.lines().filter(line -> line.stripLeading().startsWith("::")).toList();
        assertThat(commands).singleElement().satisfies(line -> assertThat(line)
                .startsWith("::error file=migrations/2_a.up.sql,line=4,col=3,title=apply.statement-failed::relation does not exist%0A::add-mask::secret"));
        assertThat(console).contains(": :add-mask::secret", "  : :set-output name=x::y");
    }

    @Test
    void aHugeEchoIsCutSayingHowMuch() {
        Finding finding = new Finding("apply.statement-failed", Severity.ERROR, null, "x".repeat(5_000), "y".repeat(1_000),
                Stream.generate(() -> "z".repeat(900)).limit(250).toList());
        assertThat(finding.message()).hasSizeLessThan(1_100).endsWith("… (4000 more characters cut)");
        assertThat(finding.hint()).hasSize(1_000);
        assertThat(finding.evidence()).hasSize(201).last().isEqualTo("… (50 more lines cut)");
        assertThat(finding.evidence().get(0)).endsWith("… (400 more characters cut)");
    }

    @Test
    void reportFilesAreWrittenWholeAndASecondRunOnTheSameFolderIsRefused(@TempDir Path dir) throws IOException {
        Reports first = new Reports(Set.of(ReportFormat.JSON), dir, Map.of(), PATHS);
        Reports second = new Reports(Set.of(ReportFormat.JUNIT), dir, Map.of(), PATHS);
        try (OutputFolderLock held = first.holdOutputFolder()) {
            assertThatThrownBy(second::holdOutputFolder).isInstanceOf(InputException.class)
                    .hasMessage(dir + ": another Schemagate run is writing its reports there; give each run its own --out folder");
            first.write(HOSTILE, new PrintWriter(new StringWriter()));
        }
        try (OutputFolderLock held = second.holdOutputFolder()) {
            second.write(HOSTILE, new PrintWriter(new StringWriter()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "junit.xml", OutputFolderLock.FILE);
        }
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(Files.getPosixFilePermissions(dir.resolve("report.json"))).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aRunWithoutReportFilesHoldsNoFolder(@TempDir Path dir) {
        Reports console = new Reports(Set.of(ReportFormat.CONSOLE), dir.resolve("out"), Map.of(), PATHS);
        try (OutputFolderLock held = console.holdOutputFolder()) {
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    private static String console(VerifyResult result, Map<String, String> env) {
        StringWriter text = new StringWriter();
        PrintWriter out = WorkflowLog.of(text, env);
        Reports reports = new Reports(Set.of(ReportFormat.CONSOLE), Path.of("unused"), env, PATHS);
        reports.progress(out, new Ansi(false));
        reports.write(result, out);
        return text.toString();
    }
}
