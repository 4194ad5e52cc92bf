package dev.schemagate.dialect;

import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A dialect that can tell which objects changed since a moment: a cycle marks the schema before a
 * migration's scripts run and afterwards reads again only what they touched (and what depends on
 * that), so what a snapshot costs follows the migration, not the size of the schema. The result must
 * equal a full snapshot; where the dialect cannot tell what changed, it reads everything.
 */
public interface ChangeTracking {

    /** Marks the schema as the connection sees it now (inside its open transaction, if any). */
    Mark mark(Connection connection) throws SQLException;

    /**
     * The schema as the connection sees it now, where {@code base} is the schema at {@code mark}
     * (read in the same way): {@code base} with what changed since the mark read again.
     */
    Snapshot since(Connection connection, Mark mark, Snapshot base, SnapshotOptions options) throws SQLException;

    /**
     * {@link #since}, with a mark of the moment it read, for a reader that reads again and again: this
     * default marks, then reads; a dialect may do both in one pass.
     */
    default Read sinceMarked(Connection connection, Mark mark, Snapshot base, SnapshotOptions options) throws SQLException {
        Mark now = mark(connection);
        return new Read(since(connection, mark, base, options), now);
    }

    /**
     * Tells the tracker that the transaction {@code mark} was taken in has committed, leaving the schema as
     * its first reading since the mark ({@link #since}) found it, and that nothing else will have changed
     * the schema of the connection's database before the next mark on that connection: that mark may
     * start from what the reading found instead of looking for what changed. This default ignores it.
     */
    default void committed(Connection connection, Mark mark) {
    }

    /** A schema as read, and the mark of the moment it was read at. */
    record Read(Snapshot snapshot, Mark mark) {
    }

    /** What a dialect remembers of a moment; only the dialect that made it reads it. */
    interface Mark {
    }
}
