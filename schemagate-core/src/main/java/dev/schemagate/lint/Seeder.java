package dev.schemagate.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills empty tables with rows before a migration runs, so that locks and rewrites are observed
 * on tables that hold data. A seam: a smarter, constraint-aware generator can replace the simple one.
 */
public interface Seeder {

    /** Why a table was left empty. */
    record Skipped(String table, String reason) {
    }

    /** Puts {@code rows} rows in every empty table it can fill; returns the tables it could not fill. */
    List<Skipped> seed(Connection connection, int rows) throws SQLException;
}
