package dev.schemagate.mysql;

import dev.schemagate.corpus.Corpus;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements are cut where the mysql client cuts them, with their file positions. */
class MysqlSplitterTest {

    private static final Path FILE = Path.of("V1__x.sql");

    private static List<Statement> split(String sql) {
        return new MysqlSplitter().split(FILE, ScriptPart.of(sql, 1));
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(Statement::sql).toList();
    }

    @Test
    void delimiterLinesSwitchTheDelimiterForRoutinesAndBack() {
        List<Statement> statements = split("""
                -- a routine
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1; SELECT 2;
                END$$
                delimiter ;
                CALL p();
                """);
        assertThat(statements).extracting(Statement::sql).containsExactly(
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; SELECT 2;\nEND", "CALL p()");
        assertThat(statements).extracting(s -> s.location().line()).containsExactly(3, 8);
    }

    /** Sent whole, as Authelia's runner does, the server reads a stored program's body as one statement: so does the splitter. */
    @Test
    void aStoredProgramWithoutDelimiterIsOneStatement() {
        assertThat(texts("""
                DROP PROCEDURE IF EXISTS p;
                CREATE PROCEDURE p(IN t VARCHAR(64))
                BEGIN
                    IF EXISTS(SELECT 1) THEN
                        SET @q = CASE WHEN t = 'a' THEN 1 ELSE 2 END;
                        WHILE @q > 0 DO SET @q = @q - 1; END WHILE;
                    END IF;
                END;
                CALL p('a');
                CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;
                SELECT f();
                """)).hasSize(5).element(1).asString().startsWith("CREATE PROCEDURE").endsWith("END IF;\nEND");
    }

    @Test
    void delimitersInsideStringsNamesAndCommentsDoNotCut() {
        assertThat(texts("""
                INSERT INTO `a;b` VALUES ('it\\'s; fine', "say \\"x;\\"", 'o''k;'); # a; comment
                SELECT 1 -- trailing; comment
                , 2;
                /* block; comment */ SELECT 5--3;
                """)).containsExactly(
                "INSERT INTO `a;b` VALUES ('it\\'s; fine', \"say \\\"x;\\\"\", 'o''k;')",
                "SELECT 1 -- trailing; comment\n, 2",
                "SELECT 5--3");
    }

    @Test
    void versionCommentsAreCodeAndCommentOnlyStatementsAreDropped() {
        List<Statement> statements = split("""
                /*!40101 SET NAMES utf8mb4 */;
                /* nothing but a comment */;
                # and another
                CREATE TABLE t (id int) /*!50100 ENGINE=InnoDB */;
                """);
        assertThat(statements).extracting(Statement::sql).containsExactly("/*!40101 SET NAMES utf8mb4 */",
                "CREATE TABLE t (id int) /*!50100 ENGINE=InnoDB */");
        assertThat(statements.get(1).location().line()).isEqualTo(4);
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'oops;\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("V1__x.sql:2:8");
    }

    /** Atlas's statement-splitter goldens for MySQL scripts, where the client's rules and Atlas's agree. */
    @Test
    void atlasMysqlGoldens() throws IOException {
        Path lex = Corpus.folder("atlas-testdata/sql/migrate/testdata/lex");
        for (String name : List.of("1", "2_mysql", "6_skip_comment", "11_delimiter_mysql_command",
                "12_delimiter_mysql_command", "14_delimiter_mysql_command", "17_paren")) {
            assertThat(normalized(texts(Files.readString(lex.resolve(name + ".sql")))))
                    .as(name).containsExactlyElementsOf(golden(lex.resolve(name + ".sql.golden")));
        }
        // 13 ends with Atlas's own "delimiter \n\n", two newlines, which the mysql client takes literally
        List<String> thirteen = golden(lex.resolve("13_delimiter_mysql_command.sql.golden"));
        String script = Files.readString(lex.resolve("13_delimiter_mysql_command.sql"));
        List<String> ours = normalized(texts(script.substring(0, script.indexOf("# Test delimiter \\n\\n"))));
        assertThat(ours).containsExactlyElementsOf(thirteen.subList(0, ours.size()));
        assertThat(ours).hasSize(thirteen.size() - 4);
    }

    private static List<String> golden(Path file) throws IOException {
        return normalized(Arrays.asList(Files.readString(file).split("\n-- end --\n")));
    }

    /** Atlas keeps a statement's {@code ;}, the client drops its delimiter: compared without either. */
    private static List<String> normalized(List<String> statements) {
        return statements.stream().map(s -> s.strip().replaceFirst(";$", "").strip()).toList();
    }
}
