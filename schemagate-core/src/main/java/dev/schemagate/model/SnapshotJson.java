package dev.schemagate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Reads and writes snapshots as JSON, without loss: {@code read(write(s)).equals(s)}. Null fields
 * and empty lists are left out of the file and come back as null and empty.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = mapper();

    private SnapshotJson() {
    }

    public static void write(Snapshot snapshot, Writer out) throws IOException {
        MAPPER.writeValue(out, snapshot);
    }

    public static Snapshot read(Reader in) throws IOException {
        return MAPPER.readValue(in, Snapshot.class);
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

    public static Snapshot fromJson(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Leaves a snapshot without MySQL's own objects without the {@code mysql} field, as files written before it. */
    static final class NoMysqlObjects {
        @Override
        public boolean equals(Object value) {
            return value == null || value.equals(MysqlObjects.NONE);
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
                .build();
        mapper.configOverride(List.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_EMPTY));
        mapper.configOverride(Privileges.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS, DefaultPrivileges.class, null));
        mapper.configOverride(MysqlObjects.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS, NoMysqlObjects.class, null));
        return mapper;
    }
}
