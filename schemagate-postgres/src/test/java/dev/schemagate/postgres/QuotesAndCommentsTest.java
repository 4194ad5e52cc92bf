package dev.schemagate.postgres;

import static dev.schemagate.postgres.Splits.split;
import static dev.schemagate.postgres.Splits.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.migration.InputException;
import org.junit.jupiter.api.Test;

/** Semicolons inside quotes, dollar quotes and comments do not end a statement. */
class QuotesAndCommentsTest {

    @Test
    void singleQuotesWithDoubledQuotes() {
        assertThat(split("SELECT 'a;b', 'it''s;'; SELECT 2;")).containsExactly(
                sql("SELECT 'a;b', 'it''s;'", 1, 1),
                sql("SELECT 2", 1, 25));
    }

    @Test
    void plainStringsHaveNoBackslashEscapes() {
        // standard_conforming_strings is on: the backslash is an ordinary character and the quote closes
        assertThat(split("SELECT 'C:\\'; SELECT 2;")).containsExactly(
                sql("SELECT 'C:\\'", 1, 1),
                sql("SELECT 2", 1, 15));
    }

    @Test
    void escapeStringsTakeBackslashEscapes() {
        assertThat(split("SELECT E'\\';x'; SELECT e'\\\\'; SELECT E'a''b;';")).containsExactly(
                sql("SELECT E'\\';x'", 1, 1),
                sql("SELECT e'\\\\'", 1, 17),
                sql("SELECT E'a''b;'", 1, 31));
    }

    @Test
    void anIdentifierEndingInEIsNotAnEscapeStringPrefix() {
        // "type" followed by a quote is a typed literal, whose string has no backslash escapes
        assertThat(split("SELECT type'\\'; SELECT 2;")).containsExactly(
                sql("SELECT type'\\'", 1, 1),
                sql("SELECT 2", 1, 17));
    }

    @Test
    void unicodeStringsAndIdentifiersFollowTheStandardQuoteRules() {
        // a U& string's backslash introduces a code point, never a quote: the quote after it closes
        assertThat(split("SELECT U&'d\\0061t\\' UESCAPE '!'; SELECT U&\"a;\"\"b\"; SELECT 3;")).containsExactly(
                sql("SELECT U&'d\\0061t\\' UESCAPE '!'", 1, 1),
                sql("SELECT U&\"a;\"\"b\"", 1, 34),
                sql("SELECT 3", 1, 52));
    }

    @Test
    void doubleQuotedIdentifiersWithDoubledQuotes() {
        assertThat(split("CREATE TABLE \"a;\"\"b\" (\"c;\" int);\nSELECT 1;")).containsExactly(
                sql("CREATE TABLE \"a;\"\"b\" (\"c;\" int)", 1, 1),
                sql("SELECT 1", 2, 1));
    }

    @Test
    void dollarQuotesWithAndWithoutTags() {
        String text = """
                DO $$ BEGIN PERFORM 1; END $$;
                CREATE FUNCTION f() RETURNS text AS $body$ SELECT ';'::text; $body$ LANGUAGE sql;
                SELECT $a1$;$a1$;
                """;
        assertThat(split(text)).containsExactly(
                sql("DO $$ BEGIN PERFORM 1; END $$", 1, 1),
                sql("CREATE FUNCTION f() RETURNS text AS $body$ SELECT ';'::text; $body$ LANGUAGE sql", 2, 1),
                sql("SELECT $a1$;$a1$", 3, 1));
    }

    @Test
    void aDollarQuoteHoldsOtherTagsAndQuotes() {
        String text = """
                CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $outer$
                BEGIN
                  EXECUTE $inner$ SELECT 'x'; $$ ; $inner$;
                  RAISE NOTICE 'it''s $outer';
                END
                $outer$;
                SELECT 2;
                """;
        assertThat(split(text)).extracting(s -> s.location().line()).containsExactly(1, 7);
        assertThat(split(text).get(0).sql()).endsWith("END\n$outer$");
    }

    @Test
    void parametersAndDollarsInIdentifiersAreNotDollarQuotes() {
        assertThat(split("PREPARE p AS SELECT $1, $2 FROM t; SELECT a$$b, c$ FROM t; SELECT 3;")).containsExactly(
                sql("PREPARE p AS SELECT $1, $2 FROM t", 1, 1),
                sql("SELECT a$$b, c$ FROM t", 1, 36),
                sql("SELECT 3", 1, 60));
    }

    @Test
    void aParameterRightBeforeADollarQuote() {
        // $1 is a parameter; the $$ after it opens a quote, as the server's scanner reads it
        assertThat(split("SELECT $1$$;$$; SELECT 2;")).containsExactly(
                sql("SELECT $1$$;$$", 1, 1),
                sql("SELECT 2", 1, 17));
    }

    @Test
    void nestedBlockCommentsAndLineComments() {
        String text = "/* a /* b; */ c; */ SELECT 1; -- d; e\nSELECT /* f; */ 2;";
        assertThat(split(text)).containsExactly(
                sql("SELECT 1", 1, 21),
                sql("SELECT /* f; */ 2", 2, 1));
    }

    @Test
    void theLocationIsTheFirstCharacterAfterLeadingComments() {
        String text = "-- header\n\n  /* note */ \tCREATE TABLE t (a int);\n";
        assertThat(split(text)).containsExactly(sql("CREATE TABLE t (a int)", 3, 15));
    }

    @Test
    void commentsInsideAStatementStayButThoseBeforeItsDelimiterDoNot() {
        assertThat(split("SELECT 1 -- one\n  + 2 /* two */ ;\nSELECT 3 -- last")).containsExactly(
                sql("SELECT 1 -- one\n  + 2", 1, 1),
                sql("SELECT 3", 3, 1));
    }

    @Test
    void anUnterminatedStringIsRefusedWhereItOpens() {
        // psql would send the rest of the file as the string, and the server would refuse it
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'oops; SELECT 2;\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(Splits.FILE + ":2:8: the string opened here is never closed");
    }

    @Test
    void anUnterminatedBlockCommentIsRefusedRatherThanHidingTheRest() {
        assertThatThrownBy(() -> split("SELECT 1;\n /* SELECT 2;"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(Splits.FILE + ":2:2: the comment '/*' opened here is never closed");
    }

    @Test
    void anUnterminatedQuotedNameOrDollarQuoteIsRefused() {
        assertThatThrownBy(() -> split("CREATE TABLE \"t (id int);"))
                .hasMessageStartingWith(Splits.FILE + ":1:14: the quoted name opened here is never closed");
        assertThatThrownBy(() -> split("DO $body$ BEGIN END $$;"))
                .hasMessageStartingWith(Splits.FILE + ":1:4: the dollar quote $body$ opened here is never closed");
    }

    @Test
    void aClosedNestedCommentAndALineCommentAtTheEndAreFine() {
        assertThat(split("SELECT 1; /* a /* b */ c */ -- last")).containsExactly(sql("SELECT 1", 1, 1));
    }
}
