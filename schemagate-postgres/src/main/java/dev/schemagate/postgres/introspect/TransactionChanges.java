package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.model.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an open transaction changed in the schema since a mark taken in it, read from the locks it
 * holds and the catalogs it wrote ({@code transaction_mark.sql}, {@code transaction_changes.sql})
 * instead of from every catalog row: the cost of a reading follows what the transaction did, not the
 * size of the schema. A cycle runs its scripts in a transaction that is rolled back, so this is how
 * most of its snapshots are read. A mark lists the relations (their names then), and a mark on a
 * connection that was marked before lists only those written since, or, when the earlier mark's
 * transaction committed what its first reading found, looks up only the relations that reading named.
 * Where the database logs its DDL statements ({@link DdlLog}), a reading looks up what they name
 * instead of scanning the catalogs.
 */
final class TransactionChanges {

    /**
     * The catalogs whose writes the transaction's statistics count: those of relations and their
     * parts, where the rows written since the mark tell which relation changed without a lock, and
     * every catalog of the other objects a snapshot reads (schemas, types, routines, extensions,
     * roles, ...), where any write means the whole schema is read again.
     */
    private static final String[] CATALOGS = {
            "pg_class", "pg_attribute", "pg_type", "pg_constraint", "pg_sequence",
            "pg_namespace", "pg_enum", "pg_range", "pg_proc", "pg_aggregate", "pg_extension", "pg_collation",
            "pg_event_trigger", "pg_operator", "pg_opclass", "pg_opfamily", "pg_amop", "pg_amproc", "pg_cast",
            "pg_conversion", "pg_language", "pg_transform", "pg_am", "pg_ts_config", "pg_ts_config_map",
            "pg_ts_dict", "pg_ts_parser", "pg_ts_template", "pg_foreign_data_wrapper", "pg_foreign_server",
            "pg_foreign_table", "pg_user_mapping", "pg_default_acl", "pg_statistic_ext", "pg_publication",
            "pg_publication_rel", "pg_publication_namespace", "pg_authid", "pg_auth_members",
    };

    /** A relation at the mark: its name and kind. */
    record Known(String schema, String name, String kind) {

        /** Its schema and name, as the snapshot names it. */
        QualifiedName qualifiedName() {
            return QualifiedName.of(schema, name);
        }

        /** Whether a snapshot reads it with the relations (not a composite type or a foreign table). */
        boolean relation() {
            return relation(kind);
        }

        /** Whether a relation of this kind is read with the relations. */
        static boolean relation(String kind) {
            return !kind.equals("c") && !kind.equals("f");
        }
    }

    /**
     * The relations a mark listed on a connection, and its watermark: a later mark on the same connection
     * lists only the relations written since, and adds them to these. When the mark's transaction
     * committed and nothing else changed the schema since, {@code committed} holds the relations that
     * transaction changed, as its first reading found them, and a later mark looks up only those;
     * otherwise it is null.
     */
    record Listing(Connection connection, String watermark, Map<Long, Known> relations, Set<Long> committed) {

        /** Whether a mark on {@code other} can start from this listing. */
        boolean on(Connection other) {
            return connection == other;
        }

        /** This listing, once its transaction committed having changed only the relations {@code changed}. */
        Listing committing(Set<Long> changed) {
            return new Listing(connection, watermark, relations, Set.copyOf(changed));
        }
    }

    /**
     * The moment a transaction was marked: which transaction, its id then, the relations, the counts,
     * and the start of the transaction's log of DDL statements that the mark began.
     */
    record Held(String transaction, String xid, Map<Long, Known> relations, Long[] counts, Listing listing, String log)
            implements ChangeTracking.Mark {

        /** How many relations the snapshot reads with the relations. */
        long relationCount() {
            return relations.values().stream().filter(Known::relation).count();
        }
    }

    private TransactionChanges() {
    }

    /**
     * A mark of the connection's open transaction; empty when the server does not count writes. With
     * {@code previous} (a listing on this connection, else null), only the relations written since are
     * read (only those its committed transaction changed, when it says), unless one was dropped or a
     * schema written since: then all of them.
     */
    static Optional<Held> mark(Connection connection, Listing previous) throws SQLException {
        boolean since = previous != null && previous.on(connection);
        boolean committed = since && previous.committed() != null;
        Map<Long, Known> relations = since ? new HashMap<>(previous.relations()) : new HashMap<>();
        if (committed) {
            relations.keySet().removeAll(previous.committed());
        }
        String transaction = null;
        String xid = null;
        String watermark = null;
        Long[] counts = null;
        long listed = 0;
        boolean counting = false;
        boolean renamed = false;
        String log = null;
        try (PreparedStatement query = ChangeTracker.prepared(connection, sql(connection, "transaction_mark"))) {
            query.setString(1, since ? previous.watermark() : null);
            query.setArray(2, committed ? connection.createArrayOf("bigint", previous.committed().toArray()) : null);
            query.setArray(3, connection.createArrayOf("text", CATALOGS));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong("oid");
                    if (oid == 0) {
                        transaction = rs.getString("schema");
                        xid = rs.getString("name");
                        counting = rs.getBoolean("counting");
                        counts = (Long[]) rs.getArray("counts").getArray();
                        listed = rs.getLong("relations");
                        watermark = rs.getString("watermark");
                        renamed = rs.getBoolean("renamed");
                        log = rs.getString("log");
                    } else {
                        relations.put(oid, new Known(rs.getString("schema"), rs.getString("name"), rs.getString("kind")));
                    }
                }
            }
        }
        if (since && (renamed || !committed && relations.size() != listed)) {
            return mark(connection, null);
        }
        Map<Long, Known> held = Collections.unmodifiableMap(relations);
        return counting ? Optional.of(new Held(transaction, xid, held, counts, new Listing(connection, watermark, held, null), log))
                : Optional.empty();
    }

    /**
     * The relations (and indexes) the transaction changed since {@code mark}, gone ones included;
     * empty when it changed something else a snapshot reads, or when this is not the transaction
     * that was marked: then the whole schema is to be read.
     */
    static Optional<Set<Long>> since(Connection connection, Held mark) throws SQLException {
        Set<Long> changed = new HashSet<>();
        try (PreparedStatement query = ChangeTracker.prepared(connection, sql(connection, "transaction_changes"))) {
            query.setString(1, mark.xid());
            query.setArray(2, connection.createArrayOf("text", CATALOGS));
            query.setArray(3, connection.createArrayOf("bigint", mark.counts()));
            query.setString(4, mark.log());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong("oid");
                    if (oid == 0) {
                        if (rs.getBoolean("beyond") || !mark.transaction().equals(rs.getString("transaction"))) {
                            return Optional.empty();
                        }
                        continue;
                    }
                    String kind = rs.getString("kind");
                    Known then = mark.relations().get(oid);
                    if (kind != null && !Known.relation(kind) || then != null && !then.relation()) {
                        return Optional.empty();
                    }
                    changed.add(oid);
                }
            }
        }
        return Optional.of(changed);
    }

    private static String sql(Connection connection, String kind) throws SQLException {
        return CatalogSql.load(kind, connection.getMetaData().getDatabaseMajorVersion());
    }
}
