package dev.schemagate.mutation;

import java.util.List;

/**
 * What an operator proposes for one script: the statements it rewrites (usually one) and a short
 * account of the mistake, such as {@code NOT NULL dropped from email}.
 */
public record Change(List<Edit> edits, String summary) {

    public Change {
        edits = List.copyOf(edits);
    }

    /** A change that rewrites {@code sql} (statement {@code index}) between {@code start} and {@code end}. */
    public static Change splice(int index, String sql, int start, int end, String text, String summary) {
        return new Change(List.of(new Edit(index, sql.substring(0, start) + text + sql.substring(end))), summary);
    }

    /** A change that removes statement {@code index}. */
    public static Change removal(int index, String summary) {
        return new Change(List.of(Edit.remove(index)), summary);
    }
}
