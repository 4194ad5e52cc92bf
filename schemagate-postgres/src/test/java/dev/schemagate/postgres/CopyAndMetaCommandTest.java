package dev.schemagate.postgres;

import static dev.schemagate.postgres.Splits.FILE;
import static dev.schemagate.postgres.Splits.split;
import static dev.schemagate.postgres.Splits.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.Statement.Kind;
import org.junit.jupiter.api.Test;

/** psql's own parts of a script: the rows of {@code COPY ... FROM stdin}, and backslash meta-commands. */
class CopyAndMetaCommandTest {

    private static Statement copy(String sql, int line, int column, String data) {
        return new Statement(sql, new Location(FILE, line, column), true, Kind.COPY_FROM_STDIN, data);
    }

    private static Statement meta(String command, int line, int column) {
        return new Statement(command, new Location(FILE, line, column), true, Kind.META_COMMAND, "");
    }

    @Test
    void copyFromStdinCarriesItsRowsUpToTheEndMarker() {
        String text = """
                COPY public.t (a, b) FROM stdin;
                1\tit's; not SQL
                2\t\\N
                \\.
                SELECT 1;
                """;
        assertThat(split(text)).containsExactly(
                copy("COPY public.t (a, b) FROM stdin", 1, 1, "1\tit's; not SQL\n2\t\\N\n"),
                sql("SELECT 1", 5, 1));
    }

    @Test
    void copyWithOptionsAndACommentAfterTheSemicolon() {
        String text = "copy t from STDIN with (format csv); -- rows follow\n\"a;\",1\n\\.\n";
        assertThat(split(text)).containsExactly(copy("copy t from STDIN with (format csv)", 1, 1, "\"a;\",1\n"));
    }

    @Test
    void copyRowsWithWindowsLineEnds() {
        assertThat(split("COPY t FROM stdin;\r\n1\r\n\\.\r\nSELECT 2;")).containsExactly(
                copy("COPY t FROM stdin", 1, 1, "1\r\n"),
                sql("SELECT 2", 4, 1));
    }

    @Test
    void onlyALineOfExactlyBackslashDotEndsTheRows() {
        String text = "COPY t FROM stdin;\n\\.x\n \\.\na\\.\n\\.\n";
        assertThat(split(text)).containsExactly(copy("COPY t FROM stdin", 1, 1, "\\.x\n \\.\na\\.\n"));
    }

    @Test
    void rowsWithoutEndMarkerRunToTheEnd() {
        assertThat(split("COPY t FROM stdin;\n1\n2")).containsExactly(copy("COPY t FROM stdin", 1, 1, "1\n2"));
    }

    @Test
    void copyFromStdinAtTheEndOfTheTextHasNoRows() {
        assertThat(split("COPY t FROM stdin")).containsExactly(copy("COPY t FROM stdin", 1, 1, ""));
    }

    @Test
    void otherCopiesAreSql() {
        assertThat(split("COPY t FROM '/tmp/t.csv'; COPY t TO STDOUT; COPY (SELECT 1 FROM stdin) TO STDOUT;"))
                .extracting(Statement::kind).containsOnly(Kind.SQL);
    }

    @Test
    void textAfterTheCopyOnItsLineIsRefused() {
        assertThatThrownBy(() -> split("COPY t FROM stdin; SELECT 1;\n1\n\\.\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(new Location(FILE, 1, 20) + ": 'SELECT 1;' follows COPY ... FROM stdin");
    }

    @Test
    void metaCommandsOnTheirOwnLines() {
        String text = "\\set ON_ERROR_STOP on\nCREATE TABLE t (a int);\n  \\connect other  \n\\i more.sql";
        assertThat(split(text)).containsExactly(
                meta("\\set ON_ERROR_STOP on", 1, 1),
                sql("CREATE TABLE t (a int)", 2, 1),
                meta("\\connect other", 3, 3),
                meta("\\i more.sql", 4, 1));
    }

    @Test
    void aMetaCommandEndsTheStatementBeforeIt() {
        assertThat(split("SELECT current_database() AS db \\gset\nSELECT 2;")).containsExactly(
                sql("SELECT current_database() AS db", 1, 1),
                meta("\\gset", 1, 33),
                sql("SELECT 2", 2, 1));
    }

    @Test
    void backslashesInsideQuotesAndCommentsAreText() {
        assertThat(split("SELECT '\\connect', E'\\\\' -- \\echo\n;")).containsExactly(
                sql("SELECT '\\connect', E'\\\\'", 1, 1));
    }

    @Test
    void aWholePartIsOneStatementWithoutPsqlCommands() {
        // kept whole for the tool that sends it in one go: psql's COPY rows and meta-commands do not apply
        ScriptPart part = new ScriptPart("COPY t FROM stdin;\n\\connect x\n", 1, 1, null);
        assertThat(split(part)).containsExactly(sql("COPY t FROM stdin;\n\\connect x", 1, 1));
    }
}
