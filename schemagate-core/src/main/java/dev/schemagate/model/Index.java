package dev.schemagate.model;

import dev.schemagate.model.dialect.MysqlIndex;
import dev.schemagate.model.dialect.PostgresIndex;

import java.util.List;

/**
 * An index of a table or materialized view, including those that back a constraint: what every
 * dialect has in fields of its own, what one dialect alone says in that dialect's component.
 * {@code definition} rebuilds it exactly; the other fields take it apart. An index that a constraint
 * creates has no definition of its own: the constraint's stands for it.
 *
 * @param method     the access method: {@code btree}, {@code gin}, MySQL's {@code fulltext}...; null where
 *                   the dialect has one kind of index
 * @param keys       the key columns and expressions, in order
 * @param predicate  the WHERE clause of a partial index (PostgreSQL, SQLite), or null
 * @param valid      false for an index left invalid, for example by a failed concurrent build; true in
 *                   a dialect that never leaves one so
 * @param constraint the name of the constraint the index backs, or null
 * @param postgres   what PostgreSQL alone says about the index; {@link PostgresIndex#DEFAULTS} for every other dialect
 * @param mysql      what MySQL and MariaDB alone say about the index; null for every other dialect
 */
public record Index(String name, boolean unique, String method, List<IndexKey> keys, String predicate, boolean valid,
                    String definition, String constraint, String comment, PostgresIndex postgres, MysqlIndex mysql) {

    public Index {
        keys = Canonical.kept(keys);
        postgres = PostgresIndex.orDefaults(postgres);
    }

    /** An index of a dialect with nothing of its own to add. */
    public Index(String name, boolean unique, String method, List<IndexKey> keys, String predicate, boolean valid,
                 String definition, String constraint, String comment) {
        this(name, unique, method, keys, predicate, valid, definition, constraint, comment, null, null);
    }
}
