package dev.schemagate.postgres.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user relations of a database at one moment, keyed by oid: name, kind, the file that holds
 * their data (a new {@code relfilenode} means the relation was rewritten), and an index's table.
 *
 * <p>Inside a transaction every relation a statement creates, renames or rewrites gets a new
 * {@code pg_class} row version, written by the transaction with a command id above those of earlier
 * statements; so the state after a statement is the state before it with those rows read again and
 * the dropped relations removed ({@link #changed}). The server still scans {@code pg_class} once, but
 * sends only what the statement changed, instead of every relation its transaction locked.
 *
 * @param relations the relations by oid
 * @param read      the oids of the relations read from the database for this state, in order: all of
 *                  them, or (for a changed state) those the statement changed
 * @param oidSum    the sum of the oids of {@code relations}, to tell whether a relation went away
 */
record CatalogState(Map<Long, Relation> relations, List<Long> read, long oidSum) {

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
    /**
     * How many relations there are and the sum of their oids, the largest command id among the rows the
     * transaction wrote (its mark), and the relations whose rows the transaction wrote after a given mark.
     * A row the transaction wrote has an {@code xmin} whose {@code age} is not above zero: its own id, or a
     * subtransaction's, above it (before the transaction writes, {@code age} counts from the next id, which no
     * row has yet); no other session writes in a scratch database. {@code age} compares ids as numbers
     * without formatting each row's {@code xmin} as text, a fifth of what the scan cost on 4,000 relations.
     * {@code pg_class} is scanned once, the command of a row ({@code cmin}) read only when the transaction
     * wrote it. Its one parameter is the mark; a caller may send it
     * as a subquery of its own query ({@link #changes(ResultSet, int)}).
     */
    static final String CHANGED = """
            WITH c AS MATERIALIZED (
                 SELECT c.oid, CASE WHEN age(c.xmin) <= 0 THEN c.cmin::text::bigint END AS command
                   FROM pg_class c WHERE """ + SCOPE + """
            )
            SELECT s.total, s.oid_sum, s.mark, ch.*
              FROM (SELECT count(*) AS total, coalesce(sum(oid::bigint), 0) AS oid_sum, max(command) AS mark FROM c) s
              LEFT JOIN LATERAL (
                   SELECT r.oid, n.nspname, r.relname, r.relkind, r.relfilenode, t.relname AS table_name
                     FROM c
                     JOIN pg_class r ON r.oid = c.oid
                     JOIN pg_namespace n ON n.oid = r.relnamespace
                     LEFT JOIN pg_index i ON i.indexrelid = r.oid
                     LEFT JOIN pg_class t ON t.oid = i.indrelid
                    WHERE c.command > ?) ch ON true
            """;

    /**
     * What {@link #CHANGED} found after a statement.
     *
     * @param total   how many relations there are
     * @param oidSum  the sum of their oids
     * @param mark    the largest command id among the rows the transaction wrote, -1 when it wrote none
     * @param changed the relations whose rows the transaction wrote after the mark asked about
     */
    record Changes(long total, long oidSum, long mark, Map<Long, Relation> changed) {
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
        return new CatalogState(relations, relations.keySet().stream().sorted().toList(), sum(relations));
    }

    private static long sum(Map<Long, Relation> relations) {
        long sum = 0;
        for (long oid : relations.keySet()) {
            sum += oid;
        }
        return sum;
    }

    /**
     * The relations the connection's transaction wrote after command {@code mark} ({@code -1}: since it
     * began), with the mark and the count and oid sum of all relations now.
     */
    static Changes changes(Connection connection, long mark) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CHANGED)) {
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
        long total = rs.getLong(first);
        long oidSum = rs.getLong(first + 1);
        long read = rs.getLong(first + 2);
        long mark = rs.wasNull() ? -1 : read;
        do {
            long oid = rs.getLong(first + 3);
            if (!rs.wasNull()) {
                changed.put(oid, new Relation(rs.getString(first + 4), rs.getString(first + 5),
                        rs.getString(first + 6).charAt(0), rs.getLong(first + 7), rs.getString(first + 8)));
            }
        } while (rs.next());
        return new Changes(total, oidSum, mark, changed);
    }

    /**
     * This state with the {@code changes} a statement made: the relations it wrote, and those it dropped,
     * found when the count and oid sum left over name exactly one relation; empty when they do not
     * (several dropped), for the caller to read the whole state instead.
     */
    java.util.Optional<CatalogState> with(Changes changes) {
        Map<Long, Relation> now = new HashMap<>(relations);
        long oidSum = this.oidSum;
        for (Map.Entry<Long, Relation> entry : changes.changed().entrySet()) {
            if (now.put(entry.getKey(), entry.getValue()) == null) {
                oidSum += entry.getKey();
            }
        }
        long gone = now.size() - changes.total();
        if (gone == 1) {
            long dropped = oidSum - changes.oidSum();
            if (now.remove(dropped) == null || changes.changed().containsKey(dropped)) {
                return java.util.Optional.empty();
            }
            oidSum -= dropped;
        } else if (gone != 0 || oidSum != changes.oidSum()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CatalogState(now, changes.changed().keySet().stream().sorted().toList(), oidSum));
    }

    private static void collect(ResultSet rs, Map<Long, Relation> relations) throws SQLException {
        while (rs.next()) {
            relations.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                    rs.getLong(5), rs.getString(6)));
        }
    }
}
