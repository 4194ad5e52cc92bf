package dev.schemagate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of object only MySQL and MariaDB have, as one component of a snapshot, typed rather
 * than a bag: today their scheduled events. Every other dialect, and a MySQL database without
 * events, has {@link #NONE}.
 */
public record MysqlObjects(List<MysqlEvent> events) {

    /** No object of MySQL's own kinds. */
    public static final MysqlObjects NONE = new MysqlObjects(null);

    public MysqlObjects {
        events = Canonical.sorted(events, Comparator.comparing(MysqlEvent::name));
    }

    public Optional<MysqlEvent> event(String name) {
        return Canonical.find(events, MysqlEvent::name, name);
    }
}
