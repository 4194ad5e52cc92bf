package dev.schemagate.postgres.observe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user relations of a database at one moment, keyed by oid: name, kind, the file that holds
 * their data (a new {@code relfilenode} means the relation was rewritten), and an index's table.
 *
 * <p>Inside a transaction every relation a statement creates, renames or rewrites gets a new
 * {@code pg_class} row version, written by the transaction with a command id above those of earlier
 * statements; so the state after a statement is the state before it with those rows read again and
 * the dropped relations removed ({@link #with}). A transaction writes the {@code pg_class} row of a
 * relation (creates, renames, rewrites or drops it) only under a lock on it, or on the table of an
 * index, and keeps its locks until it ends: so the server looks only at the relations the transaction
 * locked and their indexes, through the catalog's indexes, not at every relation of the schema.
 *
 * @param relations the relations by oid
 * @param read      the oids of the relations read from the database for this state, in order: all of
 *                  them, or (for a changed state) those the statement changed
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
    private static final String SCOPE = " c.relkind IN ('r', 'p', 'm', 'i') AND c.relnamespace IN (SELECT oid FROM pg_namespace"
            + " WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%') ";
    /** A relation as {@link #CHANGED} reads it, with the command that wrote its row when the transaction did. */
    private static final String ROW = """
                 SELECT c.oid, c.relnamespace, c.relname, c.relkind, c.relfilenode,
                        CASE WHEN age(c.xmin) <= 0 THEN c.cmin::text::bigint END AS command
                   FROM pg_class c
            """;
    /**
     * Among the relations the transaction locked and their indexes: those gone (locked, then dropped), the
     * largest command id among the rows the transaction wrote (its mark), and the relations whose rows it
     * wrote after a given mark. A row the transaction wrote has an {@code xmin} whose {@code age} is not
     * above zero: its own id, or a subtransaction's, above it (before the transaction writes, {@code age}
     * counts from the next id, which no row has yet); no other session writes in a scratch database. The
     * locked relations are looked up by oid and their indexes by table, through the catalog's indexes, so
     * the reading costs what the transaction touched, whatever the size of the schema; a transaction that
     * has locked more relations than a scan of {@code pg_class} costs in lookups (two a page, each with its
     * indexes) has the whole catalog scanned once instead. Its one parameter is the mark; a caller may send
     * it as a subquery of its own query ({@link #changes(ResultSet, int)}) that defines the locks held
     * ({@link TransactionLocks#HELD}).
     */
    static final String CHANGED = """
            WITH own AS (
                 SELECT ARRAY(SELECT relation FROM held_locks) AS oids
            ), candidates AS (
                 SELECT ARRAY(SELECT unnest(own.oids) UNION SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = ANY (own.oids))
                        AS oids
                   FROM own
            ), way AS (
                 SELECT cardinality(oids) < 2 * pg_relation_size('pg_catalog.pg_class') / 8192 AS lookup FROM own
            ), c AS MATERIALIZED (
            """ + ROW + """
                  WHERE (SELECT lookup FROM way) AND c.oid = ANY (CAST((SELECT oids FROM candidates) AS oid[])) AND """ + SCOPE + """
                 UNION ALL
            """ + ROW + """
                  WHERE NOT (SELECT lookup FROM way) AND """ + SCOPE + """
            )
            SELECT s.gone, s.mark, ch.*
              FROM (SELECT CASE WHEN (SELECT lookup FROM way)
                                THEN (SELECT array_agg(DISTINCT o::bigint) FROM unnest((SELECT oids FROM own)) o
                                       WHERE NOT EXISTS (SELECT FROM pg_class x WHERE x.oid = o))
                                ELSE (SELECT array_agg(DISTINCT o::bigint) FROM unnest((SELECT oids FROM own)) o
                                       WHERE o NOT IN (SELECT oid FROM c)) END AS gone,
                           max(command) AS mark FROM c) s
              LEFT JOIN LATERAL (
                   SELECT c.oid, (SELECT n.nspname FROM pg_namespace n WHERE n.oid = c.relnamespace), c.relname,
                          c.relkind, c.relfilenode,
                          (SELECT t.relname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE i.indexrelid = c.oid)
                     FROM c
                    WHERE c.command > ?) ch ON true
            """;

    /**
     * What {@link #CHANGED} found after a statement.
     *
     * @param gone    the relations the transaction locked that no longer exist
     * @param mark    the largest command id among the rows the transaction wrote, -1 when it wrote none
     * @param changed the relations whose rows the transaction wrote after the mark asked about
     */
    record Changes(Set<Long> gone, long mark, Map<Long, Relation> changed) {
    }

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
     * The relations the connection's transaction wrote after command {@code mark} ({@code -1}: since it
     * began), with the mark and the relations it locked that are gone.
     */
    static Changes changes(Connection connection, long mark) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "WITH " + TransactionLocks.HELD + " SELECT * FROM (" + CHANGED + ") changes")) {
            query.setLong(1, mark);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return changes(rs, 1);
            }
        }
    }

    /**
     * What {@link #CHANGED} returned in {@code rs}, its columns from {@code first} on, from the current row
     * (the first) to the last.
     */
    static Changes changes(ResultSet rs, int first) throws SQLException {
        Map<Long, Relation> changed = new HashMap<>();
        Array goneArray = rs.getArray(first);
        Set<Long> gone = goneArray == null ? Set.of() : Set.copyOf(Arrays.asList((Long[]) goneArray.getArray()));
        long read = rs.getLong(first + 1);
        long mark = rs.wasNull() ? -1 : read;
        do {
            long oid = rs.getLong(first + 2);
            if (!rs.wasNull()) {
                changed.put(oid, new Relation(rs.getString(first + 3), rs.getString(first + 4),
                        rs.getString(first + 5).charAt(0), rs.getLong(first + 6), rs.getString(first + 7)));
            }
        } while (rs.next());
        return new Changes(gone, mark, changed);
    }

    /** This state with the {@code changes} a statement made: the relations it wrote, less those it dropped. */
    CatalogState with(Changes changes) {
        Map<Long, Relation> now = new HashMap<>(relations);
        now.putAll(changes.changed());
        now.keySet().removeAll(changes.gone());
        return new CatalogState(now, changes.changed().keySet().stream().sorted().toList());
    }

    private static void collect(ResultSet rs, Map<Long, Relation> relations) throws SQLException {
        while (rs.next()) {
            relations.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                    rs.getLong(5), rs.getString(6)));
        }
    }
}
