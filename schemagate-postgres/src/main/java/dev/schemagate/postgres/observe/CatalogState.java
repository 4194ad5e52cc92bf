package dev.schemagate.postgres.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The user relations of a database at one moment, keyed by oid: name, kind, the file that holds
 * their data (a new {@code relfilenode} means the relation was rewritten), and an index's table.
 *
 * @param relations the relations by oid
 */
record CatalogState(Map<Long, Relation> relations) {

    private static final String QUERY = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, t.relname
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_index i ON i.indexrelid = c.oid
              LEFT JOIN pg_class t ON t.oid = i.indrelid
             WHERE c.relkind IN ('r', 'p', 'm', 'i')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """;

    /** One relation. */
    record Relation(String schema, String name, char kind, long fileNode, String table) {

        boolean isTable() {
            return kind == 'r' || kind == 'p' || kind == 'm';
        }

        String qualified() {
            return '"' + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + '"';
        }
    }

    static CatalogState read(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                relations.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                        rs.getLong(5), rs.getString(6)));
            }
        }
        return new CatalogState(relations);
    }
}
