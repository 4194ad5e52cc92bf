package dev.schemagate.diff;

import dev.schemagate.migration.InputException;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.Schema;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.DialectOwn;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a drift comparison leaves out, as the {@code ignore:} section of {@code schemagate.yml} says:
 * whole schemas, objects whose {@code schema.name} matches a pattern ({@code *} and {@code ?}
 * wildcards), and kinds: the {@code owners}, {@code privileges} and {@code comments} of every
 * object, or a whole kind of object such as {@code routines} or {@code extensions}.
 *
 * @param schemas  schema names to leave out with everything in them
 * @param names    wildcard patterns matched against {@code schema.name} of top-level objects
 * @param kinds    owners, privileges, comments, or a kind of object (see {@link #KINDS})
 */
public record IgnoreRules(Set<String> schemas, List<String> names, Set<String> kinds) {

    /** The kinds that can be ignored: three properties of every object, then the kinds of object. */
    public static final List<String> KINDS = List.of("owners", "privileges", "comments", "schemas", "extensions",
            "collations", "enums", "domains", "compositeTypes", "rangeTypes", "sequences", "tables", "views",
            "routines", "eventTriggers", "casts", "statistics", "publications", "foreignDataWrappers",
            "foreignServers");

    private static final Set<String> PROPERTIES = Set.of("owner", "privileges", "comment");

    public IgnoreRules {
        schemas = Set.copyOf(schemas);
        names = List.copyOf(names);
        kinds = Set.copyOf(kinds);
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new InputException("ignore.kinds: '" + kind + "' is not a kind; use one of " + String.join(", ", KINDS));
            }
        }
    }

    public static IgnoreRules none() {
        return new IgnoreRules(Set.of(), List.of(), Set.of());
    }

    /** The snapshot without what these rules leave out. */
    public Snapshot apply(Snapshot snapshot) {
        if (schemas.isEmpty() && names.isEmpty() && kinds.isEmpty()) {
            return snapshot;
        }
        List<Pattern> patterns = names.stream().map(IgnoreRules::glob).toList();
        return (Snapshot) kinds(snapshot, patterns);
    }

    /** The snapshot, or a dialect's own kinds in it, without the kinds and objects left out. */
    private Record kinds(Record holder, List<Pattern> patterns) {
        RecordComponent[] components = holder.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object field = RecordFields.read(components[i], holder);
            if (field instanceof List<?> items) {
                values[i] = kinds.contains(components[i].getName()) ? List.of()
                        : items.stream().filter(item -> kept(item, patterns)).map(this::strip).toList();
            } else {
                values[i] = field instanceof DialectOwn own ? kinds((Record) own, patterns) : field;
            }
        }
        return (Record) construct(holder.getClass(), components, values);
    }

    private boolean kept(Object item, List<Pattern> patterns) {
        String schema = item instanceof SchemaObject object ? object.schema()
                : item instanceof Schema s ? s.name() : null;
        if (schema != null && schemas.contains(schema)) {
            return false;
        }
        String name = item instanceof SchemaObject object ? object.schema() + "." + object.name() : null;
        return name == null || patterns.stream().noneMatch(pattern -> pattern.matcher(name).matches());
    }

    /** The record with its ignored properties cleared, all the way down. */
    private Object strip(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(this::strip).toList();
        }
        if (!(value instanceof Record record)) {
            return value;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object field = RecordFields.read(components[i], record);
            boolean ignored = PROPERTIES.contains(name) && kinds.contains(name.endsWith("s") ? name : name + "s");
            values[i] = ignored ? (name.equals("privileges") ? Privileges.NONE : null) : strip(field);
        }
        return construct(record.getClass(), components, values);
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("((?<=[*?])|(?=[*?]))"))
                .map(part -> part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part))
                .collect(Collectors.joining()));
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
        }
    }
}
