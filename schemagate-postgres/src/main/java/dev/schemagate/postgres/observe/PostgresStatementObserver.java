package dev.schemagate.postgres.observe;

import dev.schemagate.lint.Observation;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.Statement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches one PostgreSQL statement: reads {@code pg_class} before and after it (a changed
 * {@code relfilenode} is a rewrite, a new index relation an index built) and, while its
 * transaction is still open, the relation locks its own backend holds in {@code pg_locks}.
 */
final class PostgresStatementObserver implements StatementObserver {

    /** Statements that may drop or rename a column some view reads. */
    private static final java.util.regex.Pattern ALTERS_COLUMNS = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*ALTER\\s+TABLE\\b.*\\b(DROP|RENAME)\\b");
    /** The columns each view reads, from the rewrite rules' dependencies (a view naming a column of another table reads that one). */
    private static final String VIEW_COLUMNS = """
            SELECT DISTINCT t.relname || '.' || a.attname, v.relname
              FROM pg_depend d
              JOIN pg_rewrite r ON r.oid = d.objid
              JOIN pg_class v ON v.oid = r.ev_class
              JOIN pg_class t ON t.oid = d.refobjid
              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
               AND d.refobjsubid > 0 AND v.oid <> t.oid
             ORDER BY 2
            """;
    /**
     * Whether the migration set a lock_timeout (the run's own comes with the connection, source 'client'), and
     * where the session stands: its transaction, schemas and locks, and the cluster's transaction horizon (the
     * transaction after the last one to end) with how that last one ended.
     */
    private static final String SESSION = """
            SELECT (SELECT (setting <> '0' AND source <> 'client')::text FROM pg_settings WHERE name = 'lock_timeout'),
                   pg_current_xact_id_if_assigned()::text,
                   (SELECT string_agg(oid::text || ' ' || nspname, ',' ORDER BY oid) FROM pg_namespace),
                   ARRAY(SELECT relation::bigint || '|' || mode FROM pg_locks
                          WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted),
                   horizon::text,
                   pg_xact_status((horizon::text::bigint - 1)::text::xid8)
              FROM (SELECT pg_snapshot_xmax(pg_current_snapshot()) AS horizon) h
            """;
    /** Statements that end a transaction or go back in it: what they undo holds no lock any more. */
    private static final java.util.regex.Pattern ENDS_OR_UNDOES = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*(ROLLBACK|ABORT|COMMIT|END|SAVEPOINT|RELEASE|BEGIN|START|PREPARE|CALL)\\b");

    /** The tables (by oid) of the last {@link #tables} call: what existed when the current migration started. */
    private Set<Long> startingTables = Set.of();
    /** The state after the last statement watched, and where its session stood then. */
    private CatalogState last;
    private Session lastSession;
    /** The last tables reported as existing, kept so that every statement of a migration shares one set. */
    private Set<String> lastExisting = Set.of();

    /**
     * Where a session stands: its transaction's id (null before it writes), its schemas, the relations it holds
     * locks on, the cluster's transaction horizon (the id after the last transaction to end) and how that
     * last transaction ended.
     */
    private record Session(String transaction, String schemas, Set<String> locks, long horizon, String lastEnded) {

        /** Whether a statement that ran between this and {@code after} can have changed only relations it locked. */
        boolean continuesInto(Session after) {
            return schemas.equals(after.schemas)
                    && (transaction == null || transaction.equals(after.transaction));
        }

        /**
         * Whether the catalog is as this reading left it when {@code later} is read: the same transaction goes
         * on, or this one committed and is the last of the cluster to end, or none wrote and none ended since
         * (no other session writes in a scratch database, and every catalog change needs a transaction id).
         */
        boolean unchangedUntil(Session later) {
            if (!schemas.equals(later.schemas)) {
                return false;
            }
            if (transaction != null && transaction.equals(later.transaction)) {
                return true;
            }
            return later.transaction == null && (transaction == null ? horizon == later.horizon
                    : later.horizon == Long.parseLong(transaction) + 1 && "committed".equals(later.lastEnded));
        }

        Set<Long> lockedRelations() {
            Set<Long> oids = new LinkedHashSet<>();
            locks.forEach(lock -> oids.add(Long.parseLong(lock.substring(0, lock.indexOf('|')))));
            return oids;
        }
    }

    /**
     * {@inheritDoc} The observer remembers them by oid as the current migration's starting point, so a
     * table or materialized view the migration drops and creates again under the same name is new. The
     * state the last statement left is read again only when something may have changed it since (so a
     * long history of small migrations does not read the whole catalog before each).
     */
    @Override
    public Set<String> tables(Connection connection) throws SQLException {
        Session now = read(connection).session();
        CatalogState state = last != null && lastSession.unchangedUntil(now) ? last : CatalogState.read(connection);
        last = state;
        lastSession = now;
        Map<Long, CatalogState.Relation> relations = state.relations();
        startingTables = relations.entrySet().stream().filter(e -> e.getValue().isTable()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return relations.values().stream().filter(CatalogState.Relation::isTable)
                .map(CatalogState.Relation::name).collect(Collectors.toSet());
    }

    @Override
    public Observation observe(Connection connection, Statement statement, Set<String> existingTables, Execution execution)
            throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        Reading opening = read(connection);
        boolean lockTimeout = "true".equals(opening.lockTimeout());
        CatalogState before = last != null && lastSession.unchangedUntil(opening.session()) ? last : CatalogState.read(connection);
        Set<String> existing = shared(sameRelations(before, existingTables));
        Set<String> locksBefore = inTransaction ? opening.session().locks() : Set.of();
        Map<String, List<String>> views = ALTERS_COLUMNS.matcher(statement.sql()).find() ? viewColumns(connection) : Map.of();
        last = null;
        long start = System.nanoTime();
        execution.run();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Session end = read(connection).session();
        boolean targeted = inTransaction && opening.session().continuesInto(end) && !ENDS_OR_UNDOES.matcher(statement.sql()).find();
        CatalogState after = targeted ? before.refreshed(connection, end.lockedRelations()) : CatalogState.read(connection);
        last = after;
        lastSession = end;
        List<Observation.LockHeld> locks = new ArrayList<>();
        List<Observation.LockHeld> heldBefore = new ArrayList<>();
        if (inTransaction) {
            for (String lock : end.locks()) {
                held(lock, before, after).ifPresent(locksBefore.contains(lock) ? heldBefore::add : locks::add);
            }
        }
        List<String> rewrites = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (long oid : after.read()) {
            CatalogState.Relation relation = after.relations().get(oid);
            CatalogState.Relation old = before.relations().get(oid);
            if (relation.isTable() && old != null && old.fileNode() != relation.fileNode()) {
                rewrites.add(relation.name());
            } else if (relation.kind() == 'i' && (old == null || old.fileNode() != relation.fileNode())) {
                indexes.add(relation.name() + " on " + relation.table());
            }
        }
        Set<String> touched = new LinkedHashSet<>(rewrites);
        locks.forEach(l -> touched.add(l.table()));
        return new Observation(duration, locks, heldBefore, rewrites, indexes, rows(connection, after, touched, existing),
                existing, lockTimeout, inTransaction, views);
    }

    /** The names of {@code existingTables} that still belong to the relation they named when the migration started. */
    private Set<String> sameRelations(CatalogState now, Set<String> existingTables) {
        Set<String> same = new java.util.HashSet<>();
        now.relations().forEach((oid, relation) -> {
            if (relation.isTable() && existingTables.contains(relation.name()) && startingTables.contains(oid)) {
                same.add(relation.name());
            }
        });
        Set<String> gone = new java.util.HashSet<>(existingTables);
        now.relations().values().forEach(relation -> gone.remove(relation.name()));
        same.addAll(gone);
        return same;
    }

    private static java.util.Optional<Observation.LockHeld> held(String lock, CatalogState before, CatalogState after) {
        int bar = lock.indexOf('|');
        long oid = Long.parseLong(lock.substring(0, bar));
        CatalogState.Relation relation = after.relations().getOrDefault(oid, before.relations().get(oid));
        if (relation == null || !relation.isTable()) {
            return java.util.Optional.empty();
        }
        String mode = lock.substring(bar + 1).replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
        return java.util.Optional.of(PostgresLocks.on(relation.name(), mode));
    }

    private static Map<String, List<String>> viewColumns(Connection connection) throws SQLException {
        Map<String, List<String>> views = new HashMap<>();
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(VIEW_COLUMNS)) {
            while (rs.next()) {
                views.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return views;
    }

    /** What {@link #SESSION} reads: the migration's lock_timeout, and where the session stands. */
    private record Reading(String lockTimeout, Session session) {
    }

    private static Reading read(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SESSION)) {
            rs.next();
            Set<String> locks = new LinkedHashSet<>(List.of((String[]) rs.getArray(4).getArray()));
            return new Reading(rs.getString(1), new Session(rs.getString(2), rs.getString(3), locks,
                    Long.parseLong(rs.getString(5)), rs.getString(6)));
        }
    }

    /** The set given, or the last one when it holds the same names, so the observations of a migration share one set. */
    private Set<String> shared(Set<String> existing) {
        if (!existing.equals(lastExisting)) {
            lastExisting = Set.copyOf(existing);
        }
        return lastExisting;
    }

    /** Row counts of the touched tables that existed before the migration and still exist. */
    private static Map<String, Long> rows(Connection connection, CatalogState after, Set<String> touched,
                                          Set<String> existing) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        for (CatalogState.Relation relation : after.relations().values()) {
            if (relation.isTable() && relation.kind() != 'm' && touched.contains(relation.name())
                    && existing.contains(relation.name()) && !rows.containsKey(relation.name())) {
                rows.put(relation.name(), Long.parseLong(single(connection, "SELECT count(*) FROM " + relation.qualified())));
            }
        }
        return rows;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
