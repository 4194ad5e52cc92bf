package dev.schemagate.postgres.observe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user relations of a database at one moment, keyed by oid: name, kind, the file that holds
 * their data (a new {@code relfilenode} means the relation was rewritten), and an index's table.
 *
 * <p>Inside a transaction a statement can change (create, rename, rewrite, drop) only relations it
 * locks, and the locks stay until the transaction ends; so the state after a statement is the state
 * before it with the locked relations, and the indexes of locked tables, read again
 * ({@link #refreshed}), which costs what the statement touched rather than what the schema holds.
 *
 * @param relations the relations by oid
 * @param read      the oids of the relations read from the database for this state, in order: all of
 *                  them, or (for a refreshed state) those a statement may have changed
 */
record CatalogState(Map<Long, Relation> relations, List<Long> read) {

    private static final String QUERY = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, t.relname
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_index i ON i.indexrelid = c.oid
              LEFT JOIN pg_class t ON t.oid = i.indrelid
             WHERE c.relkind IN ('r', 'p', 'm', 'i')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """;
    private static final String OF_RELATIONS = QUERY + """
               AND c.oid IN (SELECT unnest(CAST(? AS oid[]))
                             UNION SELECT indexrelid FROM pg_index WHERE indrelid = ANY (CAST(? AS oid[])))
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
            collect(rs, relations);
        }
        return new CatalogState(relations, relations.keySet().stream().sorted().toList());
    }

    /**
     * This state with {@code locked} relations, and the indexes of those that are tables, read again:
     * the current state when every relation changed since this one was read is locked by the
     * connection's open transaction. A locked relation no longer there was dropped.
     */
    CatalogState refreshed(Connection connection, Collection<Long> locked) throws SQLException {
        Map<Long, Relation> now = new HashMap<>(relations);
        locked.forEach(now::remove);
        Map<Long, Relation> reread = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(OF_RELATIONS)) {
            Array oids = connection.createArrayOf("bigint", locked.toArray());
            query.setArray(1, oids);
            query.setArray(2, oids);
            try (ResultSet rs = query.executeQuery()) {
                collect(rs, reread);
            }
        }
        now.putAll(reread);
        return new CatalogState(now, reread.keySet().stream().sorted().toList());
    }

    private static void collect(ResultSet rs, Map<Long, Relation> relations) throws SQLException {
        while (rs.next()) {
            relations.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                    rs.getLong(5), rs.getString(6)));
        }
    }
}
