package dev.schemagate.postgres;

import static dev.schemagate.postgres.Splits.split;
import static dev.schemagate.postgres.Splits.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where psql ends a statement: routine bodies, parentheses, empty statements, the end of the text. */
class StatementBoundariesTest {

    @Test
    void beginAtomicBodyKeepsItsSemicolons() {
        String text = """
                CREATE FUNCTION f(x int) RETURNS boolean
                    LANGUAGE SQL
                BEGIN ATOMIC
                  SELECT 1;
                  SELECT CASE WHEN x % 2 = 0 THEN true ELSE false END; -- CASE closes with END too
                END;
                SELECT 2;
                """;
        assertThat(split(text)).containsExactly(
                sql("""
                        CREATE FUNCTION f(x int) RETURNS boolean
                            LANGUAGE SQL
                        BEGIN ATOMIC
                          SELECT 1;
                          SELECT CASE WHEN x % 2 = 0 THEN true ELSE false END; -- CASE closes with END too
                        END""", 1, 1),
                sql("SELECT 2", 7, 1));
    }

    @Test
    void orReplaceProceduresHaveBodiesToo() {
        String text = "create or replace procedure p() language sql begin atomic insert into t values (1); end; select 1;";
        assertThat(split(text)).extracting(Statement::sql).containsExactly(
                "create or replace procedure p() language sql begin atomic insert into t values (1); end",
                "select 1");
    }

    @Test
    void caseOutsideABodyDoesNotOpenOne() {
        // RETURN CASE ... END: the END must not leave a block open that would swallow the next statement
        String text = "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2;";
        assertThat(split(text)).extracting(Statement::sql).containsExactly(
                "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END",
                "SELECT 2");
    }

    @Test
    void beginOutsideARoutineIsATransactionStatement() {
        assertThat(split("BEGIN; CREATE TABLE t (a int); END;")).extracting(Statement::sql)
                .containsExactly("BEGIN", "CREATE TABLE t (a int)", "END");
    }

    @Test
    void quotedBeginIsNotAKeyword() {
        assertThat(split("CREATE FUNCTION \"begin\"() RETURNS int LANGUAGE sql RETURN 1; SELECT 2;"))
                .extracting(Statement::sql)
                .containsExactly("CREATE FUNCTION \"begin\"() RETURNS int LANGUAGE sql RETURN 1", "SELECT 2");
    }

    @Test
    void semicolonsInsideParenthesesDoNotEndAStatement() {
        // psql counts parentheses: a rule's action list is one statement
        String text = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;";
        assertThat(split(text)).extracting(Statement::sql).containsExactly(
                "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                "SELECT 1");
    }

    @Test
    void anExtraClosingParenthesisDoesNotHideLaterSemicolons() {
        assertThat(split("SELECT 1); SELECT 2;")).extracting(Statement::sql).containsExactly("SELECT 1)", "SELECT 2");
    }

    @Test
    void emptyAndCommentOnlyStatementsAreDropped() {
        assertThat(split(";; ;\n-- only a comment\n/* and another */;\nSELECT 1;;\n-- trailing\n")).containsExactly(
                sql("SELECT 1", 4, 1));
        assertThat(split("")).isEmpty();
        assertThat(split("  \n-- nothing here\n")).isEmpty();
    }

    @Test
    void trailingTextWithoutDelimiterIsAStatement() {
        assertThat(split("SELECT 1;\n\nSELECT 2\n")).containsExactly(sql("SELECT 1", 1, 1), sql("SELECT 2", 3, 1));
    }

    @Test
    void locationsCountFromWhereThePartStarts() {
        ScriptPart part = new ScriptPart("SELECT 1; SELECT 2;\n  SELECT 3;\r\n\tSELECT 4;", 10, 5, ";");
        assertThat(split(part)).containsExactly(
                sql("SELECT 1", 10, 5),
                sql("SELECT 2", 10, 15),
                sql("SELECT 3", 11, 3),
                sql("SELECT 4", 12, 2));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        assertThat(split("SELECT '\uD83D\uDE00'; SELECT 2;")).containsExactly(
                sql("SELECT '\uD83D\uDE00'", 1, 1),
                sql("SELECT 2", 1, 13));
    }

    @Test
    void splitsInLinearTime() {
        // 200,000 statements on one line, then a long dollar quote: quadratic work here would take minutes
        String text = "SELECT 1;".repeat(200_000) + "SELECT $$" + "x;".repeat(500_000) + "$$;";
        List<Statement> statements = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> split(text));
        assertThat(statements).hasSize(200_001);
        assertThat(statements.get(200_000).location().column()).isEqualTo(1_800_001);
    }
}
