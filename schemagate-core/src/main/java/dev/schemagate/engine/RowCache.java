package dev.schemagate.engine;

import dev.schemagate.data.DataProbe;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows the data line's tables held when last read, so that each capture reads again only the
 * tables whose rows may have changed since: what keeps the data check's cost per migration that of
 * the tables the migration touched, not of the whole schema. Whether a table changed is the
 * dialect's row mark ({@link DataProbe#rowMarks}) and the table's definition; inside a transaction,
 * only the marks of the tables it wrote are read ({@link DataProbe#writtenRowMarks}), so a cycle's
 * captures cost what its scripts touched. Rows are kept only when read outside a transaction, since
 * one that rolls back may leave a mark as it found it, or when it commits them as read ({@link #adopt}).
 * After such a commit the marks kept are the tables' marks, so the capture that follows reads none
 * unless something else wrote the database in between ({@link #written}).
 * Without marks every capture reads every table.
 */
final class RowCache {

    /** Rows as read, with the mark and definition they were read under. */
    private record Entry(String mark, Table table, TableRows rows) {
    }

    /**
     * What the rendering of every row can depend on beyond its table: the types values are written in
     * and the routines that maintain columns. When it changes, no kept rows are trusted.
     */
    private record Context(Snapshot definitions) {

        static Context of(Snapshot state) {
            return new Context(state.withoutRelations());
        }
    }

    private final DataProbe probe;
    private final Map<QualifiedName, Entry> entries = new HashMap<>();
    private Context context;
    /** Whether the marks kept are the tables' marks now: the last write was a commit {@link #adopt} took. */
    private boolean settled;

    RowCache(DataProbe probe) {
        this.probe = probe;
    }

    /**
     * The marks inside an open transaction: of the tables it may have written, as read now, and of the
     * others as kept, their rows being as when it began. This takes the rows kept to be what the tables
     * held when it began: a caller captures outside a transaction right before opening one (the data
     * line does before every cycle).
     */
    private Optional<Map<QualifiedName, String>> marksInTransaction(Connection connection) throws SQLException {
        Optional<Map<QualifiedName, String>> written = probe.writtenRowMarks(connection);
        return written.isPresent() ? Optional.of(keptWith(written.get())) : probe.rowMarks(connection);
    }

    /** The kept marks, with those of the tables written instead. */
    private Map<QualifiedName, String> keptWith(Map<QualifiedName, String> written) {
        Map<QualifiedName, String> marks = new HashMap<>();
        entries.forEach((name, entry) -> marks.put(name, entry.mark()));
        marks.putAll(written);
        return marks;
    }

    /**
     * Inside a transaction about to commit the tables as it read them: the marks of those it wrote, which
     * count its own writes already (see {@link DataProbe#rowMarks}), for {@link #adopt}. Empty when the
     * dialect cannot tell.
     */
    Optional<Map<QualifiedName, String>> marksToCommit(Connection connection) throws SQLException {
        return probe.writtenRowMarks(connection);
    }

    /**
     * Takes rows read inside a transaction that then committed the tables as they were read (a cycle
     * that kept its first up, what ran after it undone to a savepoint): they are what the tables of
     * {@code state} hold now. They are kept under the marks of {@link #marksToCommit} for the tables it
     * wrote and the kept marks for the others, or, without those, the marks read now. A mark that the
     * commit moved after all only makes the next capture read the table again.
     */
    void adopt(Connection connection, Snapshot state, Map<QualifiedName, TableRows> read,
               Optional<Map<QualifiedName, String>> written) throws SQLException {
        Optional<Map<QualifiedName, String>> marks = written.isPresent() ? Optional.of(keptWith(written.get()))
                : probe.rowMarks(connection);
        if (marks.isEmpty()) {
            return;
        }
        Context now = Context.of(state);
        if (!now.equals(context)) {
            entries.clear();
            context = now;
        }
        read.forEach((name, rows) -> {
            String mark = marks.get().get(name);
            Optional<Table> table = state.table(name);
            if (mark != null && table.isPresent()) {
                entries.put(name, new Entry(mark, table.get(), rows));
            }
        });
        settled = true;
    }

    /**
     * A cache for a copy of the database made just now, right after a capture here read every table the
     * copy holds: the same rows, kept under the marks the copy's tables carry, so that a cycle on the copy
     * reads again only the tables it writes. This cache is left as it is, for the database it was read on.
     */
    RowCache onCopy(Connection copy) throws SQLException {
        RowCache onCopy = new RowCache(probe);
        Optional<Map<QualifiedName, String>> marks = probe.rowMarks(copy);
        if (marks.isPresent()) {
            onCopy.context = context;
            entries.forEach((name, entry) -> {
                String mark = marks.get().get(name);
                if (mark != null) {
                    onCopy.entries.put(name, new Entry(mark, entry.table(), entry.rows()));
                }
            });
        }
        return onCopy;
    }

    /** Something other than a committed cycle wrote the database: the next capture reads the marks again. */
    void written() {
        settled = false;
    }

    /** The rows each of {@code tables} that {@code state} has holds now, in the given order. */
    Map<QualifiedName, TableRows> capture(Connection connection, Snapshot state, Collection<QualifiedName> tables)
            throws SQLException {
        boolean keep = connection.getAutoCommit();
        Optional<Map<QualifiedName, String>> marks = !keep ? marksInTransaction(connection)
                : settled ? Optional.of(keptWith(Map.of())) : probe.rowMarks(connection);
        settled = false;
        if (marks.isEmpty()) {
            return probe.capture(connection, state, tables);
        }
        Context now = Context.of(state);
        boolean trusted = now.equals(context);
        if (keep && !trusted) {
            entries.clear();
            context = now;
        }
        List<QualifiedName> stale = new ArrayList<>();
        for (QualifiedName name : tables) {
            Optional<Table> table = state.table(name);
            Entry entry = entries.get(name);
            if (table.isPresent() && (!trusted || entry == null || !entry.mark().equals(marks.get().get(name))
                    || !entry.table().equals(table.get()))) {
                stale.add(name);
            }
        }
        Map<QualifiedName, TableRows> read = probe.capture(connection, state, stale);
        if (keep) {
            read.forEach((name, rows) -> {
                String mark = marks.get().get(name);
                if (mark != null) {
                    entries.put(name, new Entry(mark, state.table(name).orElseThrow(), rows));
                }
            });
        }
        Map<QualifiedName, TableRows> captured = new LinkedHashMap<>();
        for (QualifiedName name : tables) {
            TableRows rows = read.containsKey(name) ? read.get(name)
                    : state.table(name).isPresent() && entries.containsKey(name) ? entries.get(name).rows() : null;
            if (rows != null) {
                captured.put(name, rows);
            }
        }
        return captured;
    }
}
