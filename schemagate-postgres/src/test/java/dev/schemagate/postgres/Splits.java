package dev.schemagate.postgres;

import dev.schemagate.migration.Location;
import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import java.nio.file.Path;
import java.util.List;

/** Shorthands for the splitter tests: split a text, and spell the statements expected from it. */
final class Splits {

    static final Path FILE = Path.of("migrations", "0001_test.sql");

    private static final PostgresSplitter SPLITTER = new PostgresSplitter();

    private Splits() {
    }

    /** Splits {@code sql} as a whole file with the {@code ;} delimiter. */
    static List<Statement> split(String sql) {
        return SPLITTER.split(FILE, ScriptPart.of(sql, 1));
    }

    static List<Statement> split(ScriptPart part) {
        return SPLITTER.split(FILE, part);
    }

    /** A plain, transactional SQL statement at {@code line}:{@code column}. */
    static Statement sql(String sql, int line, int column) {
        return Statement.sql(sql, new Location(FILE, line, column), true);
    }
}
