package dev.schemagate.postgres.observe;

import dev.schemagate.lint.Observation;
import dev.schemagate.lint.StatementObserver;
import dev.schemagate.migration.Statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Inside a transaction it reads after a statement only what the statement added: its new locks
 * ({@link TransactionLocks}) and the relations it wrote ({@link CatalogState#changes}), so a
 * migration of thousands of statements in one transaction costs each statement about the same.
 */
final class PostgresStatementObserver implements StatementObserver {

    /** Statements that may drop or rename a column some view reads. */
    private static final java.util.regex.Pattern ALTERS_COLUMNS = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*ALTER\\s+TABLE\\b.*\\b(DROP|RENAME)\\b");
    /**
     * The columns each view reads, from the rewrite rules' dependencies (a view naming a column of another table
     * reads that one). Only the users' rules and tables (oids from 16384): the system views' hundreds of links
     * cost a millisecond a reading.
     */
    private static final String VIEW_COLUMNS = """
            SELECT DISTINCT t.relname || '.' || a.attname, v.relname
              FROM pg_depend d
              JOIN pg_rewrite r ON r.oid = d.objid
              JOIN pg_class v ON v.oid = r.ev_class
              JOIN pg_class t ON t.oid = d.refobjid
              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_rewrite'::regclass AND d.objid >= 16384
               AND d.refclassid = 'pg_class'::regclass AND d.refobjid >= 16384
               AND d.refobjsubid > 0 AND v.oid <> t.oid
             ORDER BY 2
            """;
    /**
     * The lock_timeout in force ({@link MigrationLockTimeout} tells whether the migration set it), and
     * where the session stands: its transaction and schemas, and the cluster's transaction horizon (the
     * transaction after the last one to end) with how that last one ended.
     */
    private static final String SESSION = """
            SELECT current_setting('lock_timeout'),
                   pg_current_xact_id_if_assigned()::text,
                   (SELECT string_agg(oid::text || ' ' || nspname, ',' ORDER BY oid) FROM pg_namespace),
                   horizon::text,
                   pg_xact_status((horizon::text::bigint - 1)::text::xid8)
              FROM (SELECT pg_snapshot_xmax(pg_current_snapshot()) AS horizon) h
            """;
    /** {@link #SESSION} with the transaction's locks ({@link TransactionLocks#READ}), in one round trip. */
    private static final String SESSION_AND_LOCKS = "WITH " + TransactionLocks.HELD + " SELECT * FROM (" + SESSION
            + ") state CROSS JOIN (" + TransactionLocks.READ + ") held";
    /**
     * From how many locks held the reading after a statement is kept for the next to open with: below, reading
     * them again costs less than the round trip that tells whether the kept reading still holds.
     */
    private static final int CARRIED_FROM = 500;
    /** Statements that end a transaction or go back in it: what they undo holds no lock any more. */
    private static final java.util.regex.Pattern ENDS_OR_UNDOES = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:--[^\\n]*\\n\\s*)*(ROLLBACK|ABORT|COMMIT|END|SAVEPOINT|RELEASE|BEGIN|START|PREPARE|CALL)\\b");

    /**
     * Whether the rows of the tables a statement locked or rewrote are counted and the views over the columns
     * it may drop read, as lint shows them; a plan's proof reads only locks, rewrites and index builds.
     */
    private final boolean forLint;
    private final int carriedFrom;
    /** The tables (by oid) of the last {@link #tables} call: what existed when the current migration started. */
    private Set<Long> startingTables = Set.of();
    /** The state after the last statement watched, and where its session stood then. */
    private CatalogState last;
    private Session lastSession;
    /** The last tables reported as existing, kept so that every statement of a migration shares one set. */
    private Set<String> lastExisting = Set.of();
    /** The locks the connection holds, as last read. */
    private final TransactionLocks transactionLocks = new TransactionLocks();
    /**
     * The reading after the last statement, when it is the reading before the next as long as the same
     * transaction goes on: nothing ran after it on the connection (no rows counted, no catalog read).
     */
    private Reading carried;
    private Connection carriedOn;
    /**
     * The keys among the first {@link #scanned} of lock generation {@link #scannedGeneration} that lock a
     * table the migration started with: what earlier statements held that others could be waiting on, kept
     * from one statement to the next so that a transaction holding thousands of locks is not gone through
     * again after each.
     */
    private final List<String> heldOnStarting = new ArrayList<>();
    private int scanned;
    private int scannedGeneration = -1;
    private final MigrationLockTimeout lockTimeouts = new MigrationLockTimeout();
    /** The table lock each held lock was last described as, with the relation it was described from. */
    private final Map<String, Described> described = new HashMap<>();
    /** The transaction (a number) whose last written command {@link #mark} is, null for none. */
    private String markedTransaction;
    private long mark = -1;

    PostgresStatementObserver() {
        this(true, CARRIED_FROM);
    }

    /** An observer that keeps the reading after a statement for the next from {@code carriedFrom} locks held. */
    PostgresStatementObserver(boolean forLint, int carriedFrom) {
        this.forLint = forLint;
        this.carriedFrom = carriedFrom;
    }

    @Override
    public StatementObserver hazardsOnly() {
        return new PostgresStatementObserver(false, carriedFrom);
    }

    /** A lock described from {@code relation}: the description holds as long as the relation is the same. */
    private record Described(CatalogState.Relation relation, Observation.LockHeld lock) {
    }

    /**
     * Where a session stands: its transaction's id (null before it writes), its schemas, the cluster's
     * transaction horizon (the id after the last transaction to end) and how that last transaction ended.
     */
    private record Session(String transaction, String schemas, long horizon, String lastEnded) {

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
        lockTimeouts.forget();
        carried = null;
        scannedGeneration = -1;
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
        Reading opening = inTransaction ? opening(connection) : read(connection);
        carried = null;
        TransactionLocks.Held locksBefore = opening.locks();
        boolean lockTimeout = lockTimeouts.set(connection, opening.lockTimeout());
        CatalogState before = last != null && lastSession.unchangedUntil(opening.session()) ? last : CatalogState.read(connection);
        Set<String> existing = shared(sameRelations(before, existingTables));
        int heldCount = inTransaction ? locksBefore.keys().size() : 0;
        Map<String, List<String>> views = forLint && ALTERS_COLUMNS.matcher(statement.sql()).find() ? viewColumns(connection)
                : Map.of();
        last = null;
        long start = System.nanoTime();
        execution.run();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        boolean endsOrUndoes = ENDS_OR_UNDOES.matcher(statement.sql()).find();
        lockTimeouts.ran(statement.sql(), endsOrUndoes);
        Long since = inTransaction ? since(opening.session()) : null;
        Reading ending = inTransaction ? readWithLocks(connection, since) : read(connection);
        Session end = ending.session();
        boolean targeted = inTransaction && opening.session().continuesInto(end) && !endsOrUndoes;
        CatalogState after = targeted ? changed(before, since, end, ending.changes()) : null;
        boolean readAfterEnding = after == null;
        if (readAfterEnding) {
            after = CatalogState.read(connection);
            markChanges(connection, end);
        }
        last = after;
        lastSession = end;
        List<Observation.LockHeld> locks = new ArrayList<>();
        List<Observation.LockHeld> heldBefore = new ArrayList<>();
        if (inTransaction) {
            TransactionLocks.Held held = ending.locks();
            if (held.generation() != locksBefore.generation()) {
                described.clear();
            }
            if (held.generation() == locksBefore.generation()) {
                for (String lock : heldOnStarting(held, heldCount)) {
                    held(lock, before, after).ifPresent(heldBefore::add);
                }
                for (String lock : held.keys().subList(heldCount, held.keys().size())) {
                    held(lock, before, after).ifPresent(locks::add);
                }
            } else {
                Set<String> previously = new java.util.HashSet<>(locksBefore.first(heldCount));
                for (String lock : held.keys()) {
                    if (!previously.contains(lock)) {
                        held(lock, before, after).ifPresent(locks::add);
                    } else if (startingTables.contains(TransactionLocks.oid(lock))) {
                        held(lock, before, after).ifPresent(heldBefore::add);
                    }
                }
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
        Map<String, Long> rows = forLint ? rows(connection, after, touched, existing) : Map.of();
        if (inTransaction && !readAfterEnding && rows.isEmpty() && ending.locks().keys().size() >= carriedFrom) {
            carried = ending;
            carriedOn = connection;
        }
        return new Observation(duration, locks, heldBefore, rewrites, indexes, rows, existing, lockTimeout, inTransaction, views);
    }

    /** The first {@code count} keys of {@code held} that lock a table the migration started with (see {@link #heldOnStarting}). */
    private List<String> heldOnStarting(TransactionLocks.Held held, int count) {
        if (held.generation() != scannedGeneration || count < scanned) {
            heldOnStarting.clear();
            scanned = 0;
            scannedGeneration = held.generation();
        }
        for (String key : held.first(count).subList(scanned, count)) {
            if (startingTables.contains(TransactionLocks.oid(key))) {
                heldOnStarting.add(key);
            }
        }
        scanned = count;
        return heldOnStarting;
    }

    /** The names of {@code existingTables} that still belong to the relation they named when the migration started. */
    private Set<String> sameRelations(CatalogState now, Set<String> existingTables) {
        if (existingTables.isEmpty()) {
            return Set.of();
        }
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

    /**
     * The command after which a statement that starts at {@code opening} writes: -1 when its transaction
     * has written nothing yet, the mark noted for its transaction, or null when that is not known.
     */
    private Long since(Session opening) {
        if (opening.transaction() == null) {
            return -1L;
        }
        return opening.transaction().equals(markedTransaction) ? mark : null;
    }

    /**
     * The state after a statement that went on in its transaction: {@code before} with the relations the
     * statement wrote ({@code changes}, read after the mark {@code since}); null when that cannot be told
     * (the mark was not known), for the caller to read the whole state.
     */
    private CatalogState changed(CatalogState before, Long since, Session end, CatalogState.Changes changes) {
        if (end.transaction() == null) {
            return before;
        }
        if (since == null) {
            return null;
        }
        markedTransaction = end.transaction();
        mark = Math.max(since, changes.mark());
        return before.with(changes);
    }

    /** Notes the last command the transaction wrote with, for the next statement to read only what it changes. */
    private void markChanges(Connection connection, Session end) throws SQLException {
        markedTransaction = end.transaction();
        if (end.transaction() != null) {
            mark = CatalogState.changes(connection, Long.MAX_VALUE).mark();
        }
    }

    private java.util.Optional<Observation.LockHeld> held(String lock, CatalogState before, CatalogState after) {
        long oid = TransactionLocks.oid(lock);
        CatalogState.Relation relation = after.relations().getOrDefault(oid, before.relations().get(oid));
        if (relation == null || !relation.isTable()) {
            return java.util.Optional.empty();
        }
        Described known = described.get(lock);
        if (known == null || known.relation() != relation) {
            known = new Described(relation, PostgresLocks.on(relation.name(), TransactionLocks.mode(lock)));
            described.put(lock, known);
        }
        return java.util.Optional.of(known.lock());
    }

    private static Map<String, List<String>> viewColumns(Connection connection) throws SQLException {
        Map<String, List<String>> views = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(VIEW_COLUMNS); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                views.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return views;
    }

    /**
     * What {@link #SESSION} reads: the migration's lock_timeout, and where the session stands; with the
     * locks the transaction holds and the relations it wrote, when they were read in the same query (null
     * otherwise).
     */
    private record Reading(String lockTimeout, Session session, TransactionLocks.Held locks, CatalogState.Changes changes) {
    }

    /**
     * The reading before a statement in a transaction: the one kept from after the last statement when the
     * session shows the same transaction going on with no other ended since, else the locks read anew.
     */
    private Reading opening(Connection connection) throws SQLException {
        if (carried != null && carriedOn == connection) {
            Reading now = read(connection);
            if (now.session().transaction() != null && now.session().equals(carried.session())) {
                return new Reading(now.lockTimeout(), now.session(), carried.locks(), null);
            }
        }
        return readWithLocks(connection, null);
    }

    private static Reading read(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SESSION)) {
            rs.next();
            return reading(rs, null, null);
        }
    }

    /**
     * As {@link #read}, with the locks the transaction holds and, when {@code since} is given, the relations
     * it wrote after that mark ({@link CatalogState#CHANGED}), all in one round trip.
     */
    private Reading readWithLocks(Connection connection, Long since) throws SQLException {
        String sql = since == null ? SESSION_AND_LOCKS : SESSION_AND_LOCKS + " CROSS JOIN (" + CatalogState.CHANGED + ") changes";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            transactionLocks.bind(query, 1);
            if (since != null) {
                query.setLong(4, since);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Reading reading = reading(rs, transactionLocks.take(rs, 6), null);
                // the relations written come last: reading them moves through every row
                return since == null ? reading : new Reading(reading.lockTimeout(), reading.session(), reading.locks(),
                        CatalogState.changes(rs, 8));
            }
        }
    }

    private static Reading reading(ResultSet rs, TransactionLocks.Held locks, CatalogState.Changes changes)
            throws SQLException {
        return new Reading(rs.getString(1), new Session(rs.getString(2), rs.getString(3),
                Long.parseLong(rs.getString(4)), rs.getString(5)), locks, changes);
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
