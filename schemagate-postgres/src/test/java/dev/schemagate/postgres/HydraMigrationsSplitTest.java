package dev.schemagate.postgres;

import dev.schemagate.corpus.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Splits ory/hydra's real migration history, the files that PostgreSQL may run (no dialect suffix,
 * or {@code .postgres.}): every file splits, every statement is found in its file at the location
 * given, and the {@code .autocommit.} files hold the statements that need to run outside a
 * transaction.
 */
class HydraMigrationsSplitTest {

    private static final String FOLDER = "hydra-migrations/persistence/sql/migrations";

    /** {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}; group 1 is the dialect. */
    private static final Pattern NAME = Pattern.compile("\\d+_[^.]+(?:\\.(?!autocommit\\.)(\\w+))?(?:\\.autocommit)?\\.(?:up|down)\\.sql");

    /**
     * {@code .autocommit.} files in which nothing needs to run outside a transaction. They are
     * upstream's choice, not a classification gap: each holds only a plain {@code DROP INDEX IF
     * EXISTS} or a {@code CREATE TABLE}/{@code ALTER TABLE}/{@code CREATE INDEX} without
     * {@code CONCURRENTLY}.
     */
    private static final Map<String, String> AUTOCOMMIT_WITHOUT_NEED = Map.of(
            "20240612222110000001_add_oauth2_expires_at_indices.autocommit.up.sql",
            "DROP INDEX IF EXISTS only",
            "20241609000001000000_device_flow.autocommit.up.sql",
            "CREATE TABLE, ALTER TABLE and a plain CREATE UNIQUE INDEX (PostgreSQL uses the .postgres.up.sql of this version)",
            "20250523000001000000_rm_oauth2_trusted_jwt_bearer_issuer_unefficient_uq_idx.postgres.autocommit.up.sql",
            "DROP INDEX IF EXISTS only");

    private final PostgresSplitter splitter = new PostgresSplitter();

    @Test
    void splitsEveryPostgresFileAndLocatesEveryStatement() throws IOException {
        List<Path> files = postgresFiles();
        assertThat(files).hasSizeGreaterThan(200);
        int statements = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Statement> split = splitter.split(file, ScriptPart.of(text, 1));
            for (Statement statement : split) {
                assertThat(statement.kind()).as("%s", statement.location()).isEqualTo(Statement.Kind.SQL);
                assertThat(statement.sql()).as("%s", statement.location()).isNotBlank();
                assertThat(text.startsWith(statement.sql(), offsetOf(text, statement)))
                        .as("%s holds '%s' at its location", statement.location(), statement.sql())
                        .isTrue();
            }
            statements += split.size();
        }
        assertThat(statements).isGreaterThan(files.size());
    }

    @Test
    void autocommitFilesHoldNonTransactionalStatements() throws IOException {
        List<Path> autocommit = postgresFiles().stream()
                .filter(f -> f.getFileName().toString().contains(".autocommit."))
                .toList();
        assertThat(autocommit).hasSizeGreaterThan(AUTOCOMMIT_WITHOUT_NEED.size());
        TreeSet<String> withoutNeed = new TreeSet<>();
        for (Path file : autocommit) {
            List<Statement> statements = splitter.split(file, ScriptPart.of(Files.readString(file), 1));
            if (statements.stream().allMatch(Statement::transactional)) {
                withoutNeed.add(file.getFileName().toString());
            }
        }
        assertThat(withoutNeed).containsExactlyElementsOf(new TreeSet<>(AUTOCOMMIT_WITHOUT_NEED.keySet()));
    }

    /** The migration files with no dialect suffix or the {@code postgres} one. */
    private static List<Path> postgresFiles() throws IOException {
        Path folder = Corpus.folder(FOLDER);
        List<Path> migrations;
        try (Stream<Path> files = Files.list(folder)) {
            migrations = files.filter(f -> f.getFileName().toString().matches(".*\\.(up|down)\\.sql")).sorted().toList();
        }
        assertThat(migrations).allSatisfy(f -> assertThat(f.getFileName().toString()).matches(NAME));
        return migrations.stream().filter(f -> {
            Matcher name = NAME.matcher(f.getFileName().toString());
            return name.matches() && (name.group(1) == null || name.group(1).equals("postgres"));
        }).toList();
    }

    /** The offset in {@code text} of the statement's line and column (columns count code points). */
    private static int offsetOf(String text, Statement statement) {
        int offset = 0;
        for (int line = 1; line < statement.location().line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return text.offsetByCodePoints(offset, statement.location().column() - 1);
    }
}
