package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.ChangeTracking;
import dev.schemagate.model.Dependency;
import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Sequence;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.Table;
import dev.schemagate.model.View;
import org.postgresql.PGStatement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells what changed in a PostgreSQL schema since a mark, so that only the relations changed (and,
 * when they were renamed or lost a column's name, those whose definition names them) are read again,
 * whatever the size of the schema. Inside an open transaction, as a cycle runs its
 * scripts, the transaction's own locks and catalog writes say what it changed ({@link
 * TransactionChanges}). Elsewhere the catalog rows' own versions do: every row a statement writes (or
 * rewrites) carries the id of its transaction, so the rows at or after the mark's id are the changes,
 * whichever statement made them (a DO block, a function, a cascade), and a relation whose rows are
 * fewer than at the mark lost a part. A change anywhere else (a schema, a type, a routine, a role)
 * and the whole schema is read, as without a mark.
 */
public final class ChangeTracker implements ChangeTracking {

    /**
     * How many rounds of "what names these" are followed before reading everything instead; so too
     * when more than half of many relations are to be read again, which a whole read reads as fast (a
     * scoped read of half of 1,100 relations took 0.7 of a whole read's time, of three quarters about as long).
     */
    private static final int DEPTH = 20;

    /** A mark in a transaction, and the relations its first reading found changed (null when it read the whole schema). */
    private record FirstReading(TransactionChanges.Held mark, Set<Long> changed) {
    }

    /** The relations and the rest as one pulse read them, and the transaction id that marks that moment. */
    private record Pulse(String xid, Map<Long, Relation> relations, String others, boolean othersChanged)
            implements ChangeTracking.Mark {
    }

    /** One relation in a pulse: its name, its kind, how many catalog rows describe it, and whether one is new. */
    private record Relation(String schema, String name, String kind, long parts, boolean changed) {
    }

    /** Sets the mark a pulse reads from, in the same round trip as the pulse, which has no parameter of its own. */
    private static final String SINCE = "SELECT set_config('schemagate.pulse', ?, false)";

    /** The kinds of relation that are tables, plain or partitioned. */
    private static final Set<String> TABLES = Set.of("r", "p");

    /** The kinds of relation whose columns, as others read them, follow what they read: views and materialized views. */
    private static final Set<String> DERIVED = Set.of("v", "m");

    /** The relations the last mark in a transaction listed, which the next one on that connection starts from. */
    private TransactionChanges.Listing listed;

    /** The first reading since the last mark in a transaction that was read from. */
    private FirstReading firstReading;

    /** Each marked connection's plans, made again as the schema grows. */
    private final StalePlans plans = new StalePlans();

    @Override
    public Mark mark(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            Optional<TransactionChanges.Held> held = TransactionChanges.mark(connection, listed);
            if (held.isPresent()) {
                listed = held.get().listing();
                plans.seen(connection, held.get().relations().size());
                return held.get();
            }
        } else if (listed != null && listed.on(connection)) {
            // what runs outside a transaction on that connection (a cycle in place) is not in the listing
            listed = null;
        }
        Pulse pulse = pulse(connection, "3");
        plans.seen(connection, pulse.relations().size());
        return pulse;
    }

    @Override
    public Snapshot since(Connection connection, Mark mark, Snapshot base, SnapshotOptions options) throws SQLException {
        if (mark instanceof TransactionChanges.Held held) {
            Optional<Set<Long>> seeds = TransactionChanges.since(connection, held);
            if (firstReading == null || firstReading.mark() != held) {
                firstReading = new FirstReading(held, seeds.orElse(null));
            }
            Map<Long, TransactionChanges.Known> known = held.relations();
            return seeds.isEmpty() ? whole(connection, options)
                    : scoped(connection, seeds.get(), oid -> known.containsKey(oid) ? known.get(oid).kind() : null,
                    oid -> known.containsKey(oid) ? known.get(oid).qualifiedName() : null, held.relationCount(), base, options);
        }
        Pulse then = (Pulse) mark;
        return since(connection, then, pulse(connection, then.xid()), base, options);
    }

    /**
     * {@inheritDoc} The next mark in a transaction on that connection then looks up only the relations
     * that reading found changed, instead of scanning {@code pg_class} for the rows written since this mark.
     */
    @Override
    public void committed(Connection connection, Mark mark) {
        if (firstReading != null && firstReading.mark() == mark && firstReading.changed() != null
                && listed == firstReading.mark().listing() && listed.on(connection)) {
            listed = listed.committing(firstReading.changed());
        }
    }

    /**
     * {@inheritDoc} Outside a transaction the pulse that tells what changed since {@code mark} is itself
     * the mark of this moment, so it is read once.
     */
    @Override
    public Read sinceMarked(Connection connection, Mark mark, Snapshot base, SnapshotOptions options) throws SQLException {
        if (!(mark instanceof Pulse then) || !connection.getAutoCommit()) {
            return ChangeTracking.super.sinceMarked(connection, mark, base, options);
        }
        Pulse now = pulse(connection, then.xid());
        plans.seen(connection, now.relations().size());
        return new Read(since(connection, then, now, base, options), now);
    }

    /** The base with what changed between the pulses {@code then} and {@code now} read again. */
    private static Snapshot since(Connection connection, Pulse then, Pulse now, Snapshot base, SnapshotOptions options)
            throws SQLException {
        if (now.othersChanged() || !now.others().equals(then.others())) {
            return whole(connection, options);
        }
        Set<Long> seeds = new HashSet<>();
        now.relations().forEach((oid, relation) -> {
            Relation old = then.relations().get(oid);
            if (relation.changed() || old == null || old.parts() != relation.parts()) {
                seeds.add(oid);
            }
        });
        then.relations().keySet().stream().filter(oid -> !now.relations().containsKey(oid)).forEach(seeds::add);
        return scoped(connection, seeds, oid -> now.relations().containsKey(oid) ? now.relations().get(oid).kind() : null,
                oid -> then.relations().containsKey(oid)
                        ? QualifiedName.of(then.relations().get(oid).schema(), then.relations().get(oid).name()) : null,
                now.relations().size(), base, options);
    }

    /**
     * The base with the seeds read again, and with them the relations whose definition names them when
     * what those show of a seed may have changed; the whole schema when they are too many.
     *
     * @param kind the kind of a relation known (null for one not known), for following views further
     * @param name a relation's name in the base (null for one it does not hold), which its fresh read replaces
     */
    private static Snapshot scoped(Connection connection, Set<Long> seeds, Function<Long, String> kind,
                                   Function<Long, QualifiedName> name, long relations, Snapshot base,
                                   SnapshotOptions options)
            throws SQLException {
        if (seeds.isEmpty()) {
            return base;
        }
        long most = Math.max(64, relations / 2);
        if (seeds.size() > most) {
            return whole(connection, options);
        }
        Set<Long> scope = seeds;
        Snapshot fresh = PostgresIntrospector.relations(connection, options, scope);
        if (!showsTheSame(seeds, kind, name, base, fresh)) {
            scope = dependents(connection, seeds, kind);
            if (scope == null || scope.size() > most) {
                return whole(connection, options);
            }
            if (scope.size() > seeds.size()) {
                fresh = PostgresIntrospector.relations(connection, options, scope);
            }
        }
        Set<QualifiedName> replaced = new HashSet<>();
        scope.stream().map(name).filter(named -> named != null).forEach(replaced::add);
        fresh.tables().forEach(table -> replaced.add(QualifiedName.of(table.schema(), table.name())));
        fresh.views().forEach(view -> replaced.add(QualifiedName.of(view.schema(), view.name())));
        fresh.sequences().forEach(sequence -> replaced.add(QualifiedName.of(sequence.schema(), sequence.name())));
        return merged(base, fresh, replaced);
    }

    /**
     * Whether what other relations show of the seeds is as it was, so they need no fresh read: every
     * seed is one the base does not name (a relation new since, which nothing there can name, or an index,
     * whose table is a seed with it), or a table that kept its name and the names of all its columns. Another relation shows a table only by those names (a foreign key, a
     * view's columns, a sequence's owner); what changes it otherwise (dropping what it names, changing the
     * type of a column it uses, adding a column to a parent) locks it too, which makes it a seed itself.
     */
    private static boolean showsTheSame(Set<Long> seeds, Function<Long, String> kind, Function<Long, QualifiedName> name,
                                        Snapshot base, Snapshot fresh) {
        for (long seed : seeds) {
            QualifiedName was = name.apply(seed);
            if (was == null) {
                continue;
            }
            Optional<Table> before = base.table(was);
            Optional<Table> now = fresh.table(was);
            String known = kind.apply(seed);
            if (known == null || !TABLES.contains(known) || before.isEmpty() || now.isEmpty()
                    || !columnNames(now.get()).containsAll(columnNames(before.get()))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> columnNames(Table table) {
        Set<String> names = new HashSet<>();
        table.columns().forEach(column -> names.add(column.name()));
        return names;
    }

    /**
     * The base with the replaced relations' tables, views, sequences and links taken from the fresh read.
     * Made at every snapshot of a cycle, so each member of the base is checked by its bare name first,
     * without making its qualified name.
     */
    private static Snapshot merged(Snapshot base, Snapshot fresh, Set<QualifiedName> replaced) {
        Set<String> bareNames = new HashSet<>();
        replaced.forEach(name -> bareNames.add(name.name()));
        List<Table> tables = kept(base.tables(), fresh.tables(), bareNames, replaced);
        List<View> views = kept(base.views(), fresh.views(), bareNames, replaced);
        List<Dependency> dependencies = new ArrayList<>(base.dependencies().size() + fresh.dependencies().size());
        for (Dependency link : base.dependencies()) {
            if (!endReplaced(link.dependent(), bareNames, replaced) && !endReplaced(link.referenced(), bareNames, replaced)) {
                dependencies.add(link);
            }
        }
        dependencies.addAll(fresh.dependencies());
        List<Sequence> sequences = kept(base.sequences(), fresh.sequences(), bareNames, replaced);
        return new Snapshot(base.schemas(), sequences, tables, views, base.routines(), dependencies, base.postgres(), null);
    }

    private static <T extends SchemaObject> List<T> kept(List<T> base, List<T> fresh, Set<String> bareNames,
                                                         Set<QualifiedName> replaced) {
        List<T> kept = new ArrayList<>(base.size() + fresh.size());
        for (T object : base) {
            if (!isReplaced(object.schema(), object.name(), bareNames, replaced)) {
                kept.add(object);
            }
        }
        kept.addAll(fresh);
        return kept;
    }

    /** Whether a link's end is one of the replaced relations (or a part of one). */
    private static boolean endReplaced(ObjectRef end, Set<String> bareNames, Set<QualifiedName> replaced) {
        boolean relation = end.kind() == ObjectRef.Kind.TABLE || end.kind() == ObjectRef.Kind.VIEW
                || end.kind() == ObjectRef.Kind.SEQUENCE;
        return relation && isReplaced(end.schema(), end.name(), bareNames, replaced);
    }

    /** Whether {@code schema.name} is replaced; {@code bareNames} holds the bare names of {@code replaced}. */
    private static boolean isReplaced(String schema, String name, Set<String> bareNames, Set<QualifiedName> replaced) {
        return bareNames.contains(name) && replaced.contains(QualifiedName.of(schema, name));
    }

    private static Snapshot whole(Connection connection, SnapshotOptions options) throws SQLException {
        return connection.getAutoCommit() ? PostgresIntrospector.snapshot(connection, options)
                : PostgresIntrospector.snapshotInOpenTransaction(connection, options);
    }

    /**
     * The seeds and every relation whose definition names one of them, round after round; null past
     * {@link #DEPTH} rounds, or when a routine or a type names one of them. A relation found is
     * followed further only when it is a view or a materialized view (or not known to the pulse):
     * what a table shows of another (a foreign key, a default) changes only the table that shows it,
     * so a chain of foreign keys is not read again link after link.
     */
    private static Set<Long> dependents(Connection connection, Set<Long> seeds, Function<Long, String> kind)
            throws SQLException {
        Set<Long> scope = new HashSet<>(seeds);
        Set<Long> round = seeds;
        String sql = CatalogSql.load("dependents", connection.getMetaData().getDatabaseMajorVersion());
        for (int depth = 0; !round.isEmpty(); depth++) {
            if (depth == DEPTH) {
                return null;
            }
            Set<Long> next = new HashSet<>();
            try (PreparedStatement query = prepared(connection, sql)) {
                Array oids = connection.createArrayOf("bigint", round.toArray());
                query.setArray(1, oids);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        long oid = rs.getLong(1);
                        if (oid == -1) {
                            return null;
                        }
                        if (!rs.wasNull() && scope.add(oid)
                                && (kind.apply(oid) == null || DERIVED.contains(kind.apply(oid)))) {
                            next.add(oid);
                        }
                    }
                }
            }
            round = next;
        }
        return scope;
    }

    /** A statement prepared on the server from its first use: a cycle runs the same few queries again and again. */
    static PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(1);
        return statement;
    }

    private static Pulse pulse(Connection connection, String xid) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        String next = null;
        String others = null;
        boolean othersChanged = false;
        String sql = CatalogSql.load("pulse", connection.getMetaData().getDatabaseMajorVersion());
        try (PreparedStatement query = prepared(connection, SINCE + Catalog.SEPARATOR + sql)) {
            query.setString(1, xid);
            query.execute();
            query.getMoreResults();
            try (ResultSet rs = query.getResultSet()) {
                while (rs.next()) {
                    long oid = rs.getLong("oid");
                    if (oid == 0) {
                        next = rs.getString("schema");
                        others = rs.getString("name");
                        othersChanged = rs.getBoolean("changed");
                    } else {
                        relations.put(oid, new Relation(rs.getString("schema"), rs.getString("name"), rs.getString("kind"),
                                rs.getLong("parts"),
                                rs.getBoolean("changed")));
                    }
                }
            }
        }
        return new Pulse(next, relations, others, othersChanged);
    }
}
