package dev.schemagate.mutation.operator;

import dev.schemagate.mutation.Change;
import dev.schemagate.mutation.ColumnTypes;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.TableStatement;

import java.util.List;

/** The type changes that {@link ChangeColumnType} and {@link RestoreOtherType} share. */
final class TypeChanges {

    private TypeChanges() {
    }

    static void propose(int index, String sql, String masked, List<Change> changes) {
        TableStatement.parse(masked).ifPresent(table -> {
            for (Span column : table.columns()) {
                ColumnTypes.typeOf(masked, column).ifPresent(type -> add(index, sql, type, changes));
            }
            if (!table.create()) {
                for (Span action : table.parts()) {
                    ColumnTypes.alteredType(masked, action).ifPresent(type -> add(index, sql, type, changes));
                }
            }
        });
    }

    private static void add(int index, String sql, Span type, List<Change> changes) {
        String written = type.of(sql);
        ColumnTypes.narrower(written).ifPresent(narrower -> changes.add(
                Change.splice(index, sql, type.start(), type.end(), narrower, "type " + written.trim() + " → " + narrower)));
    }
}
