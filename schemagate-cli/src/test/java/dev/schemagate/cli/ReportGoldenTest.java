package dev.schemagate.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file format on a passing and a failing example, against goldens in
 * {@code src/test/resources/goldens}. Run with {@code -Dschemagate.updateGoldens=true} to rewrite
 * them after an intended change, then review the diff.
 */
class ReportGoldenTest {

    private static final Path GOLDENS = Path.of("src/test/resources/goldens");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"shop, 0", "broken/syntax-error, 1"})
    void eachFormatMatchesItsGolden(String example, int exitCode, @TempDir Path out) throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(Examples.root().resolve(example));
        ReportRun report = ReportRun.of(relative.toString(), out, ReportRun.ALL_FILES);

        assertThat(report.run().exitCode()).as(report.run().toString()).isEqualTo(exitCode);
        for (String file : new String[] {"report.json", "junit.xml", "report.sarif", "summary.md", "report.html"}) {
            Path golden = GOLDENS.resolve(example.replace('/', '-')).resolve(file);
            String actual = report.normalised(file);
            if (Boolean.getBoolean("schemagate.updateGoldens")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }
}
