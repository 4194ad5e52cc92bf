package dev.schemagate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresConstraint;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresRoutine;
import dev.schemagate.model.dialect.PostgresSequence;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import dev.schemagate.model.dialect.PostgresView;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.StreamSupport;

/**
 * The layouts of a snapshot file. Files are checked in ({@code verify --expected}, {@code drift}), so
 * a file written by an earlier release is read too: format 1, without a {@code format} field, held
 * PostgreSQL's own kinds and attributes beside the common ones, where format 2 keeps them in the
 * {@code postgres} component of the snapshot, each table and each column. Format 3 does the same for
 * indexes, views, routines, constraints, triggers and sequences, and gives MySQL's indexes, views and
 * routines a {@code mysql} component for what format 2 spelled as options.
 */
final class SnapshotFormat {

    /** The layout this release writes. */
    static final int CURRENT = 3;
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
        if (format == null || format.asInt() == 1) {
            fromFormat1(snapshot);
        }
        fromFormat2(snapshot);
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
     * Nests the fields of indexes, views, routines, constraints, triggers and sequences that are now
     * PostgreSQL's own. A file of MySQL (told by its {@code mysql} components, which every MySQL table
     * has) held what is MySQL's own in options: those become its {@code mysql} components.
     */
    private static void fromFormat2(ObjectNode snapshot) {
        boolean mysql = snapshot.has("mysql")
                || StreamSupport.stream(snapshot.path("tables").spliterator(), false).anyMatch(t -> t.has("mysql"));
        snapshot.path("sequences").forEach(sequence -> nest((ObjectNode) sequence, Sequence.class, PostgresSequence.class));
        for (JsonNode table : snapshot.path("tables")) {
            table.path("constraints").forEach(c -> nest((ObjectNode) c, Constraint.class, PostgresConstraint.class));
            relationParts((ObjectNode) table, mysql);
        }
        for (JsonNode view : snapshot.path("views")) {
            if (mysql) {
                JsonNode options = ((ObjectNode) view).remove("options");
                ObjectNode own = ((ObjectNode) view).putObject("mysql").put("securityInvoker", false);
                for (JsonNode option : options == null ? JsonNodeFactory.instance.arrayNode() : options) {
                    String[] pair = option.asText().split("=", 2);
                    if (pair[0].equals("check_option")) {
                        own.put("checkOption", pair[1]);
                    } else if (option.asText().equals("security=invoker")) {
                        own.put("securityInvoker", true);
                    }
                }
            }
            nest((ObjectNode) view, View.class, PostgresView.class);
            relationParts((ObjectNode) view, mysql);
        }
        for (JsonNode routine : snapshot.path("routines")) {
            if (mysql) {
                JsonNode config = ((ObjectNode) routine).remove("config");
                ObjectNode own = ((ObjectNode) routine).putObject("mysql");
                for (JsonNode setting : config == null ? JsonNodeFactory.instance.arrayNode() : config) {
                    if (setting.asText().startsWith("sql_data_access=")) {
                        own.put("sqlDataAccess", setting.asText().substring("sql_data_access=".length()));
                    }
                }
            }
            nest((ObjectNode) routine, Routine.class, PostgresRoutine.class);
        }
    }

    private static void relationParts(ObjectNode relation, boolean mysql) {
        for (JsonNode index : relation.path("indexes")) {
            if (mysql) {
                JsonNode options = ((ObjectNode) index).remove("options");
                boolean invisible = options != null && StreamSupport.stream(options.spliterator(), false)
                        .anyMatch(option -> option.asText().equals("invisible"));
                ((ObjectNode) index).putObject("mysql").put("invisible", invisible);
            }
            nest((ObjectNode) index, Index.class, PostgresIndex.class);
        }
        relation.path("triggers").forEach(trigger -> nest((ObjectNode) trigger, Trigger.class, PostgresTrigger.class));
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
