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
    private static final String LOCKS = "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND locktype = 'relation' AND granted";

    /** The tables (by oid) of the last {@link #tables} call: what existed when the current migration started. */
    private Set<Long> startingTables = Set.of();

    /**
     * {@inheritDoc} The observer remembers them by oid as the current migration's starting point, so a
     * table or materialized view the migration drops and creates again under the same name is new.
     */
    @Override
    public Set<String> tables(Connection connection) throws SQLException {
        Map<Long, CatalogState.Relation> relations = CatalogState.read(connection).relations();
        startingTables = relations.entrySet().stream().filter(e -> e.getValue().isTable()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return relations.values().stream().filter(CatalogState.Relation::isTable)
                .map(CatalogState.Relation::name).collect(Collectors.toSet());
    }

    @Override
    public Observation observe(Connection connection, Statement statement, Set<String> existingTables, Execution execution)
            throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        // the run's own limit comes with the connection (source 'client'); only one the migration set counts
        boolean lockTimeout = "true".equals(single(connection,
                "SELECT (setting <> '0' AND source <> 'client')::text FROM pg_settings WHERE name = 'lock_timeout'"));
        CatalogState before = CatalogState.read(connection);
        Set<String> existing = sameRelations(before, existingTables);
        Set<String> locksBefore = inTransaction ? locks(connection) : Set.of();
        Map<String, List<String>> views = ALTERS_COLUMNS.matcher(statement.sql()).find() ? viewColumns(connection) : Map.of();
        long start = System.nanoTime();
        execution.run();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        CatalogState after = CatalogState.read(connection);
        List<Observation.LockHeld> locks = new ArrayList<>();
        List<Observation.LockHeld> heldBefore = new ArrayList<>();
        if (inTransaction) {
            for (String lock : locks(connection)) {
                held(lock, before, after).ifPresent(locksBefore.contains(lock) ? heldBefore::add : locks::add);
            }
        }
        List<String> rewrites = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        after.relations().forEach((oid, relation) -> {
            CatalogState.Relation old = before.relations().get(oid);
            if (relation.isTable() && old != null && old.fileNode() != relation.fileNode()) {
                rewrites.add(relation.name());
            } else if (relation.kind() == 'i' && (old == null || old.fileNode() != relation.fileNode())) {
                indexes.add(relation.name() + " on " + relation.table());
            }
        });
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
        return java.util.Optional.of(new Observation.LockHeld(relation.name(), mode));
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

    private static Set<String> locks(Connection connection) throws SQLException {
        Set<String> locks = new LinkedHashSet<>();
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LOCKS)) {
            while (rs.next()) {
                locks.add(rs.getLong(1) + "|" + rs.getString(2));
            }
        }
        return locks;
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
