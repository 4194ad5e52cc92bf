package dev.schemagate.sqlite;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteSplitterTest {

    private static final Path FILE = Path.of("1_x.up.sql");

    private static List<Statement> split(String sql) {
        return new SqliteSplitter().split(FILE, ScriptPart.of(sql, 1));
    }

    @Test
    void aTriggerBodyIsOneStatementWithItsSemicolonsAndNestedCase() {
        List<Statement> statements = split("""
                CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);
                CREATE TRIGGER t_touch AFTER UPDATE ON t
                WHEN CASE WHEN new.n > 0 THEN 1 ELSE 0 END
                BEGIN
                  UPDATE t SET n = CASE WHEN new.n > 10 THEN 10 ELSE new.n END WHERE id = new.id;
                  INSERT INTO t (n) VALUES (1);
                END;
                CREATE INDEX t_n ON t (n);
                """);
        assertThat(statements).extracting(Statement::sql).containsExactly(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT)",
                """
                CREATE TRIGGER t_touch AFTER UPDATE ON t
                WHEN CASE WHEN new.n > 0 THEN 1 ELSE 0 END
                BEGIN
                  UPDATE t SET n = CASE WHEN new.n > 10 THEN 10 ELSE new.n END WHERE id = new.id;
                  INSERT INTO t (n) VALUES (1);
                END""",
                "CREATE INDEX t_n ON t (n)");
        assertThat(statements).extracting(s -> s.location().line()).containsExactly(1, 2, 8);
    }

    @Test
    void aTransactionBeginEndIsNotATriggerBody() {
        assertThat(split("BEGIN; CREATE TABLE a (x); END;")).extracting(Statement::sql)
                .containsExactly("BEGIN", "CREATE TABLE a (x)", "END");
    }

    @Test
    void semicolonsInQuotesAndCommentsDoNotEndAStatement() {
        List<Statement> statements = split("""
                -- a comment; still a comment
                INSERT INTO "a;b" ([c;d], `e;f`) VALUES ('g;''h'); /* i; */
                SELECT 1""");
        assertThat(statements).extracting(Statement::sql).containsExactly(
                "INSERT INTO \"a;b\" ([c;d], `e;f`) VALUES ('g;''h')", "SELECT 1");
        assertThat(statements.get(0).location().line()).isEqualTo(2);
        assertThat(statements.get(1).location().column()).isEqualTo(1);
    }

    @Test
    void vacuumCannotRunInATransaction() {
        assertThat(split("VACUUM; ANALYZE;")).extracting(Statement::transactional).containsExactly(false, true);
    }

    @Test
    void anUnclosedQuoteNamesWhereItOpened() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'oops;"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("1_x.up.sql:2:8: the quote");
    }
}
