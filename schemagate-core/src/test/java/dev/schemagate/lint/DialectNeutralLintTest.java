package dev.schemagate.lint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's lint package is dialect-neutral: its code (string literals, names and logic; comments
 * may still cite a dialect as an example) holds none of PostgreSQL's lint vocabulary, which lives
 * with the rules in schemagate-postgres. Two files still speak of PostgreSQL's lock modes: the
 * observation record and its evidence lines, which the profiler, the plan trial and the performance
 * findings share; they are listed here until the observer names its own locks, and the test fails
 * when one of them no longer needs the exception, so the list only shrinks.
 */
class DialectNeutralLintTest {

    /** PostgreSQL's words for locks, index builds, constraint validation, settings and catalogs. */
    private static final Pattern POSTGRES = Pattern.compile(
            "(?i:ACCESS[ _]?EXCLUSIVE|SHARE ROW EXCLUSIVE|SHARE UPDATE EXCLUSIVE|\\bpg_|lock_timeout|relfilenode)|CONCURRENTLY|NOT[ _]VALID");
    private static final Set<String> PENDING = Set.of("Observation.java", "Evidence.java");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void theLintPackageCodeHasNoPostgresVocabulary() throws IOException {
        Path folder = Path.of("src/main/java/dev/schemagate/lint");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                String name = file.getFileName().toString();
                List<String> lines = code.lines().filter(line -> POSTGRES.matcher(line).find()).toList();
                if (PENDING.contains(name)) {
                    assertThat(lines).as(name + " is clean now: take it off the pending list").isNotEmpty();
                } else {
                    lines.forEach(line -> found.add(name + ": " + line.strip()));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
