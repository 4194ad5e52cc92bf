package dev.schemagate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes migration histories of any length for the scale benchmark, in golang-migrate's layout:
 * a table, then a column on it, an index on it and a view over it, in turn, each with a down
 * script that undoes it exactly, so every check has real work and nothing to report.
 */
final class SyntheticHistory {

    private SyntheticHistory() {
    }

    static void write(Path dir, int length) throws IOException {
        for (int k = 1; k <= length; k++) {
            int table = (k - 1) / 4 + 1;
            String t = "t" + table;
            switch ((k - 1) % 4) {
                case 0 -> migration(dir, k, "create_" + t,
                        "CREATE TABLE " + t + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());",
                        "DROP TABLE " + t + ";");
                case 1 -> migration(dir, k, "add_note_to_" + t,
                        "ALTER TABLE " + t + " ADD COLUMN note text;",
                        "ALTER TABLE " + t + " DROP COLUMN note;");
                case 2 -> migration(dir, k, "index_" + t,
                        "CREATE INDEX " + t + "_name ON " + t + " (name);",
                        "DROP INDEX " + t + "_name;");
                default -> migration(dir, k, "view_" + t,
                        "CREATE VIEW " + t + "_named AS SELECT id, name FROM " + t + " WHERE note IS NOT NULL;",
                        "DROP VIEW " + t + "_named;");
            }
        }
    }

    /** One migration creating {@code tables} tables, then four small ones on the first of them. */
    static void writeWide(Path dir, int tables) throws IOException {
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            up.append("CREATE TABLE w").append(i).append(" (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2));\n");
            down.append("DROP TABLE w").append(i).append(";\n");
        }
        migration(dir, 1, "create_wide_schema", up.toString(), down.toString());
        migration(dir, 2, "add_note", "ALTER TABLE w1 ADD COLUMN note text;", "ALTER TABLE w1 DROP COLUMN note;");
        migration(dir, 3, "index_name", "CREATE INDEX w1_name ON w1 (name);", "DROP INDEX w1_name;");
        migration(dir, 4, "view_named", "CREATE VIEW w1_named AS SELECT id, name FROM w1;", "DROP VIEW w1_named;");
        migration(dir, 5, "create_extra", "CREATE TABLE extra (id bigint PRIMARY KEY);", "DROP TABLE extra;");
    }

    private static void migration(Path dir, int version, String name, String up, String down) throws IOException {
        String prefix = String.format(Locale.ROOT, "%05d_%s", version, name);
        Files.writeString(dir.resolve(prefix + ".up.sql"), up + "\n");
        Files.writeString(dir.resolve(prefix + ".down.sql"), down + "\n");
    }
}
