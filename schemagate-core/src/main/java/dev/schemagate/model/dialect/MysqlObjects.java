package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of object only MySQL and MariaDB have, as one component of a snapshot, typed rather
 * than a bag: today their scheduled events. Every other dialect, and a MySQL database without
 * events, has {@link #NONE}.
 */
public record MysqlObjects(List<MysqlEvent> events) implements DialectOwn {

    /** No object of MySQL's own kinds. */
    public static final MysqlObjects NONE = new MysqlObjects(null);

    public MysqlObjects {
        events = Canonical.sorted(events, Comparator.comparing(MysqlEvent::name));
    }

    /** Null (a snapshot of another dialect, or a file that leaves the component out) means none. */
    public static MysqlObjects orNone(MysqlObjects objects) {
        return objects == null ? NONE : objects;
    }

    public Optional<MysqlEvent> event(String name) {
        return Canonical.find(events, MysqlEvent::name, name);
    }
}
