package dev.schemagate.lint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core is dialect-neutral: its code (string literals, names and logic; comments may still cite a
 * dialect as an example) holds none of PostgreSQL's vocabulary, which the dialect module supplies,
 * and the dialect SPI, the engine and the profiler name no database at all: a dialect is chosen by
 * {@code DialectChoice} and asked what it can do, never assumed.
 */
class DialectNeutralLintTest {

    /**
     * PostgreSQL's name and its words for locks, index builds, constraint validation, settings and
     * catalogs. (A constraint not yet validated, {@code NOT_VALID_CONSTRAINT}, is a neutral state; the
     * keywords {@code NOT VALID} are not.)
     */
    private static final Pattern POSTGRES = Pattern.compile("(?i:ACCESS[ _]?EXCLUSIVE|SHARE ROW EXCLUSIVE|SHARE UPDATE EXCLUSIVE"
            + "|\\bpg_|lock_timeout|relfilenode|postgres)|CONCURRENTLY|NOT VALID");
    /**
     * The catalogue of every dialect name migration tools put in file names ({@code .postgres.},
     * {@code .mysql.}, {@code .oracle.}…), PostgreSQL's among them, so that a folder's files for
     * other databases are left alone: names only, none of PostgreSQL's behaviour.
     */
    private static final Set<String> CATALOGUE = Set.of("dev/schemagate/migration/DialectNames.java");
    /**
     * The model keeps what one dialect alone says in records named after it ({@code PostgresTable} in
     * {@code dev.schemagate.model.dialect}, beside the SQLite and MySQL ones), held by components
     * named after it ({@code table.postgres()}): in the model's own files, those names, and only as
     * names (not in a string), are where the dialect's attributes are designed to live.
     */
    private static final String MODEL = "dev/schemagate/model/";
    private static final Pattern DIALECT_HOMES = Pattern.compile("\\bPostgres(?:Objects|Table|Column|Index|View|Routine|Constraint|Trigger|Sequence)\\b"
            + "|(?<![\"\\w])postgres(?![\"\\w])");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    /** The packages that name no database, not even in a catalogue. */
    private static final List<String> NEUTRAL = List.of("dialect", "engine", "profile");
    private static final Pattern DATABASE = Pattern.compile("(?i:postgres|\\bpg_|\\bpsql\\b|sqlite|mysql)|ACCESS EXCLUSIVE|NOT VALID");

    @Test
    void coreCodeHasNoPostgresVocabulary() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (CATALOGUE.contains(name)) {
                    continue;
                }
                String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                if (name.startsWith(MODEL)) {
                    code = DIALECT_HOMES.matcher(code).replaceAll(" ");
                }
                code.lines().filter(line -> POSTGRES.matcher(line).find()).forEach(line -> found.add(name + ": " + line.strip()));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theDialectSpiTheEngineAndTheProfilerNameNoDatabase() throws IOException {
        for (String pkg : NEUTRAL) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/schemagate", pkg))) {
                for (Path file : files.toList()) {
                    String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                    assertThat(DATABASE.matcher(code).results().map(MatchResult::group).toList())
                            .as(file + " names a database in its code").isEmpty();
                }
            }
        }
    }

    @Test
    void theModelMayNameADialectsHomeButNotItsVocabulary() {
        String home = DIALECT_HOMES.matcher("PostgresTable own = table.postgres(); own.postgres;").replaceAll(" ");
        String word = DIALECT_HOMES.matcher("String id = \"postgres\"; int pg_class;").replaceAll(" ");
        assertThat(POSTGRES.matcher(home).find()).isFalse();
        assertThat(POSTGRES.matcher(word).results().map(MatchResult::group).toList()).containsExactly("postgres", "pg_");
    }

    @Test
    void theChecksSeeADatabaseNameInCodeButNotInAComment() {
        String code = COMMENT.matcher("// postgres in a comment\nString id = \"postgres\";").replaceAll(" ");
        assertThat(DATABASE.matcher(code).find()).isTrue();
        assertThat(POSTGRES.matcher(COMMENT.matcher("/* NOT VALID */ int x;").replaceAll(" ")).find()).isFalse();
    }
}
