package dev.schemagate.postgres;

import dev.schemagate.corpus.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Atlas's statement-splitter goldens ({@code sql/migrate/testdata/lex}): each {@code N_name.sql}
 * must split into the statements of {@code N_name.sql.golden}, which are separated by
 * {@code -- end --} lines. Every file in the folder runs except those listed in {@link #EXCLUDED},
 * which test other clients' delimiter commands.
 */
class AtlasLexGoldenTest {

    private static final String FOLDER = "atlas-testdata/sql/migrate/testdata/lex";

    private static final String ATLAS_DIRECTIVE = "uses Atlas's own '-- atlas:delimiter' directive, which is a plain comment"
            + " to PostgreSQL; Schemagate takes another delimiter from the layout (ScriptPart.delimiter)";
    private static final String MYSQL_DELIMITER = "uses the MySQL client's DELIMITER command, which psql does not have";
    private static final String SQL_SERVER_GO = "uses SQL Server's GO batch separator, which psql does not have";

    private static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("3_delimiter.sql", ATLAS_DIRECTIVE),
            Map.entry("4_delimiter.sql", ATLAS_DIRECTIVE),
            Map.entry("5_delimiter.sql", ATLAS_DIRECTIVE),
            // its function body opens a $$ quote that the blank-line delimiter, not a closing $$, ends
            Map.entry("7_delimiter_2n.sql", ATLAS_DIRECTIVE),
            Map.entry("8_delimiter_3n.sql", ATLAS_DIRECTIVE),
            Map.entry("9_delimiter_3n.sql", ATLAS_DIRECTIVE),
            Map.entry("10_delimiter_comment.sql", ATLAS_DIRECTIVE),
            Map.entry("11_delimiter_mysql_command.sql", MYSQL_DELIMITER),
            Map.entry("12_delimiter_mysql_command.sql", MYSQL_DELIMITER),
            Map.entry("13_delimiter_mysql_command.sql", MYSQL_DELIMITER),
            Map.entry("14_delimiter_mysql_command.sql", MYSQL_DELIMITER),
            Map.entry("19_ms_gocmd.sql", SQL_SERVER_GO),
            Map.entry("20_ms_go-delim.sql", SQL_SERVER_GO));

    private final PostgresSplitter splitter = new PostgresSplitter();

    @TestFactory
    Stream<DynamicTest> splitsLikeTheGolden() throws IOException {
        Path folder = Corpus.folder(FOLDER);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(folder)) {
            inputs = files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .filter(f -> !EXCLUDED.containsKey(f.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        assertThat(inputs).extracting(f -> f.getFileName().toString())
                .contains("1.sql", "6_skip_comment.sql", "15_dollar_quote.sql", "16_begin_atomic.sql",
                        "17_paren.sql", "18_pg_expr.sql");
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String sql = withoutHashComments(Files.readString(input, StandardCharsets.UTF_8));
            String golden = withoutHashComments(Files.readString(
                    input.resolveSibling(input.getFileName() + ".golden"), StandardCharsets.UTF_8));
            List<String> actual = splitter.split(input, ScriptPart.of(sql, 1)).stream().map(Statement::sql).toList();
            assertThat(actual).containsExactlyElementsOf(goldenStatements(golden));
        }));
    }

    @Test
    void everyExclusionNamesAFileOfTheFolder() {
        Path folder = Corpus.folder(FOLDER);
        assertThat(EXCLUDED.keySet()).allSatisfy(name -> assertThat(folder.resolve(name)).isRegularFile());
    }

    /**
     * Atlas keeps a statement's trailing delimiter and the blanks around it; Schemagate's contract
     * is the statement without its delimiter, and blanks carry no meaning. So a golden statement is
     * compared without surrounding blanks and without one final {@code ;}. Nothing else is changed:
     * comments inside a statement, line breaks and indentation must match exactly.
     */
    private static List<String> goldenStatements(String golden) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : golden.split("\n", -1)) {
            if (line.equals("-- end --")) {
                statements.add(withoutDelimiter(current.toString()));
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(withoutDelimiter(current.toString()));
        }
        return statements;
    }

    private static String withoutDelimiter(String statement) {
        String trimmed = statement.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    }

    /**
     * Some inputs are shared with Atlas's MySQL lexer and start lines with {@code #}, a comment in
     * MySQL only: PostgreSQL reads {@code #} as an operator, and the apostrophe in a line such as
     * {@code # This is a statement's comment.} would open a string. Such lines are rewritten to the
     * standard {@code --} comment, in the input and the golden alike (a dollar-quoted body may hold
     * one, and must then match the golden's), so that the files test what they were written for.
     */
    private static String withoutHashComments(String text) {
        return text.replaceAll("(?m)^([ \\t]*)#", "$1--");
    }
}
