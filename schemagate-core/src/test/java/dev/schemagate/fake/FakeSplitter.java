package dev.schemagate.fake;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits the fake language on {@code ;}, keeping where each statement starts; {@code vacuum} runs outside transactions. */
final class FakeSplitter implements StatementSplitter {

    @Override
    public List<Statement> split(Path file, ScriptPart part) {
        List<Statement> statements = new ArrayList<>();
        String text = part.sql();
        int line = part.line();
        int column = part.column();
        int start = -1;
        int startLine = line;
        int startColumn = column;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c == ';') {
                if (start >= 0) {
                    String sql = text.substring(start, i).strip();
                    statements.add(Statement.sql(sql, new Location(file, startLine, startColumn),
                            !sql.toLowerCase(Locale.ROOT).startsWith("vacuum")));
                }
                start = -1;
            } else if (start < 0 && !Character.isWhitespace(c)) {
                start = i;
                startLine = line;
                startColumn = column;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return statements;
    }
}
