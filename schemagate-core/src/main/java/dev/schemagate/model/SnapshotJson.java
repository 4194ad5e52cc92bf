package dev.schemagate.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.model.dialect.MysqlObjects;
import dev.schemagate.model.dialect.PostgresColumn;
import dev.schemagate.model.dialect.PostgresConstraint;
import dev.schemagate.model.dialect.PostgresIndex;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.PostgresRoutine;
import dev.schemagate.model.dialect.PostgresSequence;
import dev.schemagate.model.dialect.PostgresTable;
import dev.schemagate.model.dialect.PostgresTrigger;
import dev.schemagate.model.dialect.PostgresView;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Reads and writes snapshots as JSON, without loss: {@code read(write(s)).equals(s)}. Null fields,
 * empty lists and dialect components that say nothing are left out of the file and come back as
 * null, empty and nothing. The file starts with its {@code format} ({@link SnapshotFormat}); files of
 * an earlier format are read too.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = mapper();

    private SnapshotJson() {
    }

    public static void write(Snapshot snapshot, Writer out) throws IOException {
        ObjectNode file = MAPPER.createObjectNode().put(SnapshotFormat.FIELD, SnapshotFormat.CURRENT);
        file.setAll((ObjectNode) MAPPER.valueToTree(snapshot));
        MAPPER.writeValue(out, file);
    }

    /**
     * The snapshot a file holds, of this format or an earlier one.
     *
     * @throws IllegalArgumentException when the file holds no snapshot or one of a format this release does not know
     */
    public static Snapshot read(Reader in) throws IOException {
        StringWriter text = new StringWriter();
        in.transferTo(text);
        return fromJson(text.toString());
    }

    public static String toJson(Snapshot snapshot) {
        StringWriter out = new StringWriter();
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The snapshot a JSON text holds, of this format or an earlier one.
     *
     * @throws IllegalArgumentException naming the line, when the text is not a snapshot this release reads
     */
    public static Snapshot fromJson(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode snapshot)) {
                throw new IllegalArgumentException("not a snapshot: a JSON object is expected");
            }
            if (SnapshotFormat.upgrade(snapshot)) {
                return MAPPER.treeToValue(snapshot, Snapshot.class);
            }
            return MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where(e) + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** {@code line 12: } where the text is the file's, else the path to the value: {@code tables[0].columns[1]: }. */
    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return "line " + at.getLineNr() + ": ";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference step : mapping.getPath()) {
                path.append(step.getFieldName() != null ? (path.isEmpty() ? "" : ".") + step.getFieldName()
                        : "[" + step.getIndex() + "]");
            }
            return path + ": ";
        }
        return "";
    }

    /** The file's {@code format} field, which is no part of the snapshot. */
    @JsonIgnoreProperties(SnapshotFormat.FIELD)
    private interface FormatField {
    }

    /** Leaves default privileges out of the file, as Jackson's value filters do: equal means omitted. */
    static final class DefaultPrivileges {
        @Override
        public boolean equals(Object value) {
            return value == null || value.equals(Privileges.NONE);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Leaves a dialect's component out of the file when it holds nothing of the dialect's own. */
    static final class DefaultDialectOwn {
        private static final List<Object> NOTHING = List.of(PostgresObjects.NONE, MysqlObjects.NONE, PostgresTable.PLAIN,
                PostgresColumn.DEFAULTS, PostgresIndex.DEFAULTS, PostgresView.DEFAULTS, PostgresRoutine.DEFAULTS,
                PostgresConstraint.DEFAULTS, PostgresTrigger.DEFAULTS, PostgresSequence.DEFAULTS);

        @Override
        public boolean equals(Object value) {
            return value == null || NOTHING.contains(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(Snapshot.class, FormatField.class)
                .build();
        mapper.configOverride(List.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_EMPTY));
        mapper.configOverride(Privileges.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS, DefaultPrivileges.class, null));
        for (Object nothing : DefaultDialectOwn.NOTHING) {
            Class<?> own = nothing.getClass();
            mapper.configOverride(own).setInclude(JsonInclude.Value.construct(JsonInclude.Include.CUSTOM,
                    JsonInclude.Include.ALWAYS, DefaultDialectOwn.class, null));
        }
        return mapper;
    }
}
