package dev.schemagate.model;

import dev.schemagate.model.dialect.PostgresTrigger;

import java.util.List;

/**
 * A trigger on a table or view: what every dialect has in fields of its own, what one dialect alone
 * says in that dialect's component. {@code definition} rebuilds it.
 *
 * @param timing    {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events    {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in that order
 * @param columns   the columns of UPDATE OF (PostgreSQL, SQLite)
 * @param when      the WHEN condition (PostgreSQL, SQLite), or null
 * @param inherited cloned from a trigger of a table this one is a part of ({@link Table#parents()})
 * @param postgres  what PostgreSQL alone says about the trigger; {@link PostgresTrigger#DEFAULTS} for every other dialect
 */
public record Trigger(String name, String timing, List<String> events, List<String> columns, boolean forEachRow,
                      String when, boolean inherited, String definition, String comment, PostgresTrigger postgres) {

    public Trigger {
        events = Canonical.kept(events);
        columns = Canonical.kept(columns);
        postgres = PostgresTrigger.orDefaults(postgres);
    }

    /** A trigger of a dialect with nothing of its own to add. */
    public Trigger(String name, String timing, List<String> events, List<String> columns, boolean forEachRow,
                   String when, boolean inherited, String definition, String comment) {
        this(name, timing, events, columns, forEachRow, when, inherited, definition, comment, null);
    }
}
