package dev.schemagate.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.model.Grant;
import dev.schemagate.model.dialect.DialectOwn;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Renders the values of differences: for people as short text (never a Java {@code toString}), and
 * for tools as JSON that keeps their types (arrays, numbers, booleans, objects).
 */
public final class DiffValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 200;

    private DiffValues() {
    }

    /** {@code (none)}, {@code 'text'}, {@code 42}, {@code [a, b]}, {@code SELECT to app}, {@code {name: x, type: int}}. */
    public static String text(Object value) {
        String text = plain(value, true);
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    /** The value as JSON, its type kept; null as JSON null. */
    public static JsonNode json(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String plain(Object value, boolean top) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof String s) {
            return top ? "'" + s + "'" : s;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof Collection<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(plain(item, false)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Grant grant) {
            return grant.privilege() + " to " + grant.grantee() + (grant.grantable() ? " with grant option" : "");
        }
        if (value instanceof Record record) {
            return fields(record);
        }
        return value.toString();
    }

    /**
     * The fields that say something (not null, false or empty), as {@code {name: x, type: int}}; those
     * a dialect alone says are listed as the record's own.
     */
    private static String fields(Record record) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object field = RecordFields.read(component, record);
            boolean empty = field == null || Boolean.FALSE.equals(field)
                    || (field instanceof Collection<?> c && c.isEmpty())
                    || (field instanceof Record r && fields(r).equals("{}"));
            if (!empty && field instanceof DialectOwn own) {
                String inner = fields((Record) own);
                parts.add(inner.substring(1, inner.length() - 1));
            } else if (!empty) {
                parts.add(component.getName() + ": " + plain(field, false));
            }
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
