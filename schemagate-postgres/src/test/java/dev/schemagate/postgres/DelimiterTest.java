package dev.schemagate.postgres;

import static dev.schemagate.postgres.Splits.split;
import static dev.schemagate.postgres.Splits.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import org.junit.jupiter.api.Test;

/** Parts split on another delimiter than {@code ;} (Liquibase {@code endDelimiter}), or kept whole. */
class DelimiterTest {

    private static ScriptPart part(String sql, String delimiter) {
        return new ScriptPart(sql, 1, 1, delimiter);
    }

    @Test
    void slashOnItsOwnLineEndsAStatementButDivisionDoesNot() {
        String text = """
                CREATE FUNCTION half(x int) RETURNS int LANGUAGE sql AS $$ SELECT x / 2; $$;
                /
                SELECT 4/2, '/' -- /
                  /\s\s
                SELECT 3
                """;
        assertThat(split(part(text, "/"))).containsExactly(
                sql("CREATE FUNCTION half(x int) RETURNS int LANGUAGE sql AS $$ SELECT x / 2; $$;", 1, 1),
                sql("SELECT 4/2, '/'", 3, 1),
                sql("SELECT 3", 5, 1));
    }

    @Test
    void wordDelimitersStandAloneOnTheirLineInAnyCase() {
        String text = "SELECT 1;\nGO\nSELECT 'GO' AS go\n  go \nSELECT 3 GO\nGOTO\n";
        assertThat(split(part(text, "GO"))).containsExactly(
                sql("SELECT 1;", 1, 1),
                sql("SELECT 'GO' AS go", 3, 1),
                sql("SELECT 3 GO\nGOTO", 5, 1));
    }

    @Test
    void symbolDelimitersEndAStatementAnywhereOutsideQuotesAndComments() {
        // parentheses do not matter: the delimiter is a literal token, not psql's semicolon
        String text = "select 1 @@ select 'a@@b'; select 2 /* @@ */ + 1@@(select 3 @@ select 4)";
        assertThat(split(part(text, "@@"))).containsExactly(
                sql("select 1", 1, 1),
                sql("select 'a@@b'; select 2 /* @@ */ + 1", 1, 13),
                sql("(select 3", 1, 51),
                sql("select 4)", 1, 64));
    }

    @Test
    void blanksAroundTheDelimiterAreIgnored() {
        assertThat(split(part("SELECT 1\n/\nSELECT 2", " / "))).extracting(Statement::sql)
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aBlankDelimiterIsAProgrammingError() {
        assertThatThrownBy(() -> split(part("SELECT 1", "  "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholePartIsTrimmedLocatedAndClassified() {
        ScriptPart part = new ScriptPart(
                "\n  -- +goose comment\n  CREATE INDEX CONCURRENTLY i ON t (a); SELECT 1;\n-- tail\n", 7, 1, null);
        assertThat(split(part)).containsExactly(Statement.sql(
                "CREATE INDEX CONCURRENTLY i ON t (a); SELECT 1;", new Location(Splits.FILE, 9, 3), false));
    }

    @Test
    void aWholePartOfOnlyCommentsHasNoStatement() {
        assertThat(split(part("-- nothing\n/* at all */\n", null))).isEmpty();
    }
}
