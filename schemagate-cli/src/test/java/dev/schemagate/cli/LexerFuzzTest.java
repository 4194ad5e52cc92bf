package dev.schemagate.cli;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.SqlText;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.postgres.PostgresSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both SQL readers, the statement splitter and the lint's {@link SqlText}, over real SQL cut at
 * random places and spiked with stray quotes, dollar signs and comment markers: whatever the
 * text, the splitter either splits it or refuses it as an input error naming a line, the lint
 * reads every statement it gets, and the command line ends with exit 0, 1 or 2 and a message.
 * Seeded, so a failure can be replayed; bounded, so it runs in seconds.
 */
class LexerFuzzTest {

    private static final long SEED = 20_261_202L;
    private static final int SPLITS = 3_000;
    private static final int LINTS = 150;
    private static final List<String> SPIKES = List.of("\"", "'", "$$", "$body$", "$", "/*", "*/", "--", "E'\\", "U&\"",
            ";", "\\", "\n\\.\n", "(", ")", "\"\"", "''", "\u001b]0;x\u0007", "::", "\r");

    @TempDir
    Path temp;

    @Test
    void theSplitterAndTheLintReaderSurviveMangledSql() throws IOException {
        List<String> sources = sources();
        Random random = new Random(SEED);
        PostgresSplitter splitter = new PostgresSplitter();
        int refused = 0;
        for (int i = 0; i < SPLITS; i++) {
            String sql = mangle(sources.get(random.nextInt(sources.size())), random);
            try {
                for (Statement statement : splitter.split(Path.of("f.sql"), ScriptPart.of(sql, 1))) {
                    SqlText text = SqlText.of(statement.sql());
                    assertThat(text.masked()).isNotNull();
                }
            } catch (InputException e) {
                assertThat(e.getMessage()).as("case %d", i).matches("(?s)f\\.sql:\\d+:\\d+: .+");
                refused++;
            }
        }
        assertThat(refused).as("mangling should leave some quotes open").isPositive().isLessThan(SPLITS);
    }

    @Test
    void theStaticLintSurvivesMangledMigrations() throws IOException {
        List<String> sources = sources();
        Random random = new Random(SEED + 1);
        Linter linter = new Linter(Dialects.byId("postgres"), LintConfig.defaults());
        for (int i = 0; i < LINTS; i++) {
            Path folder = Files.createDirectory(temp.resolve("lint" + i));
            Files.writeString(folder.resolve("0001_a.sql"), mangle(sources.get(random.nextInt(sources.size())), random));
            try {
                assertThat(linter.lint(MigrationDiscovery.discover(folder, Layout.AUTO, DialectNames.of(List.of("postgres")))))
                        .isNotNull();
            } catch (InputException expected) {
                assertThat(expected.getMessage()).contains("0001_a.sql:");
            }
        }
    }

    @Test
    void theCommandLineAnswersMangledMigrationsWithAnExitCodeAndAMessage() throws IOException {
        List<String> sources = sources();
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 4; i++) {
            Path folder = Files.createDirectory(temp.resolve("cli" + i));
            Files.writeString(folder.resolve("0001_a.sql"), mangle(sources.get(random.nextInt(sources.size())), random));
            CommandRun run = CommandRun.of("lint", "--static", folder.toString());
            assertThat(run.exitCode()).as(run.toString()).isIn(0, 1, 2);
            assertThat(run.out() + run.err()).as(run.toString()).isNotBlank().doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aStrayQuoteInALongStatementIsAnInputErrorNotACrash() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("quote"));
        Files.writeString(folder.resolve("0001_a.sql"), "CREATE TABLE t (id int);\nCREATE TABLE \"x (a int, "
                + "b int, ".repeat(5_000) + ");\n");
        CommandRun run = CommandRun.of("verify", folder.toString(), "--checks", "apply", "--format", "console");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("0001_a.sql:2:14: the quoted name opened here is never closed");
    }

    /** Cuts the text somewhere, then puts one to three spikes at random places. */
    private static String mangle(String sql, Random random) {
        StringBuilder text = new StringBuilder(sql.substring(0, random.nextInt(sql.length() + 1)));
        for (int spikes = 1 + random.nextInt(3); spikes > 0; spikes--) {
            text.insert(random.nextInt(text.length() + 1), SPIKES.get(random.nextInt(SPIKES.size())));
        }
        return text.toString();
    }

    /** The project's examples, and real histories from the shared corpus when it is there. */
    private static List<String> sources() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Examples.root()));
        Path corpus = Corpus.location();
        if (Files.isDirectory(corpus)) {
            roots.add(corpus.resolve("hydra-migrations"));
            roots.add(corpus.resolve("authelia-migrations"));
            roots.add(corpus.resolve("atlas-testdata"));
        }
        List<String> texts = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".sql") && !root.relativize(file).toString().contains("mysql")
                        && !root.relativize(file).toString().contains("sqlite") && !root.relativize(file).toString().contains("cockroach"))
                        .sorted().limit(400).forEach(file -> texts.add(read(file)));
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
