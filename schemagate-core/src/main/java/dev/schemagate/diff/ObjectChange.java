package dev.schemagate.diff;

import java.util.List;

/**
 * Everything that differs about one top-level object (a table with its columns, constraints and
 * indexes; a view; a routine...), so a report can show it as one block, the way a code review does.
 *
 * @param object  the object's kind and name: {@code table public.orders}
 * @param kind    {@link Difference.Kind#MISSING} when only the expected (source) side has it,
 *                {@link Difference.Kind#UNEXPECTED} when only the actual (target) side has it, else
 *                {@link Difference.Kind#CHANGED}
 * @param changes for a changed object, each field that differs, its path relative to the object
 *                ({@code column total}, or empty for the object's own fields); empty otherwise
 */
public record ObjectChange(String object, Difference.Kind kind, List<Difference> changes) {

    public ObjectChange {
        changes = List.copyOf(changes);
    }
}
