package dev.schemagate.postgres.data;

import dev.schemagate.model.QualifiedName;

import java.util.List;
import java.util.Map;

/**
 * One foreign key's share of an insert: the row-{@code k} row (modulo their count) of the referenced
 * rows that match the values the row already has, from which some referenced columns are taken.
 *
 * @param alias    the name the joined row goes by in the insert
 * @param keys     the referenced columns, in key order: they order the candidates and must not be null
 * @param provided the referenced columns whose values the row takes, output as {@code c0}, {@code c1}...
 * @param filters  referenced column → the expression of the value the row already has for it
 */
record Join(String alias, QualifiedName table, List<String> keys, List<String> provided, Map<String, String> filters) {

    Join {
        keys = List.copyOf(keys);
        provided = List.copyOf(provided);
        filters = Map.copyOf(filters);
    }

    /** The expression of the value taken from referenced column {@code column}. */
    String output(String column) {
        return alias + "." + Quote.ident("c" + provided.indexOf(column));
    }
}
