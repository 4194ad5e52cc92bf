package dev.schemagate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresTable;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The layouts of a snapshot file. Files are checked in ({@code verify --expected}, {@code drift}), so
 * a file written by an earlier release is read too: format 1, without a {@code format} field, held
 * PostgreSQL's own kinds and attributes beside the common ones, where format 2 keeps them in the
 * {@code postgres} component of the snapshot, each table and each column.
 */
final class SnapshotFormat {

    /** The layout this release writes. */
    static final int CURRENT = 2;
    static final String FIELD = "format";

    private SnapshotFormat() {
    }

    /**
     * Turns a file's tree into the current layout, in place, and says whether it had to: false for a
     * file of the current format, which is read as it is. The format field is removed.
     */
    static boolean upgrade(ObjectNode snapshot) {
        JsonNode format = snapshot.remove(FIELD);
        if (format != null && (!format.canConvertToExactIntegral() || format.asInt() < 1 || format.asInt() > CURRENT)) {
            throw new IllegalArgumentException("snapshot format " + format + " is not one this release reads (1 to "
                    + CURRENT + "); write the file again with this release's snapshot command, or use the release "
                    + "that wrote it");
        }
        if (format != null && format.asInt() == CURRENT) {
            return false;
        }
        fromFormat1(snapshot);
        return true;
    }

    private static void fromFormat1(ObjectNode snapshot) {
        nest(snapshot, Snapshot.class, PostgresObjects.class);
        for (JsonNode table : snapshot.path("tables")) {
            nest((ObjectNode) table, Table.class, PostgresTable.class);
            table.path("columns").forEach(column -> nest((ObjectNode) column, Column.class, PostgresColumn.class));
        }
        for (JsonNode view : snapshot.path("views")) {
            view.path("columns").forEach(column -> nest((ObjectNode) column, Column.class, PostgresColumn.class));
        }
    }

    /**
     * Moves the fields of {@code node} that are now fields of {@code own} into the object of the
     * {@code owner}'s component of that type, made when there is any.
     */
    private static void nest(ObjectNode node, Class<? extends Record> owner, Class<? extends Record> own) {
        String component = Arrays.stream(owner.getRecordComponents()).filter(c -> c.getType() == own)
                .map(RecordComponent::getName).findFirst().orElseThrow();
        ObjectNode nested = null;
        for (RecordComponent field : own.getRecordComponents()) {
            JsonNode value = node.remove(field.getName());
            if (value != null) {
                nested = nested != null ? nested : node.putObject(component);
                nested.set(field.getName(), value);
            }
        }
    }
}
