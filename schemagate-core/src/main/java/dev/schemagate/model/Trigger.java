package dev.schemagate.model;

import java.util.List;

/**
 * A trigger on a table or view. {@code definition} ({@code pg_get_triggerdef}) rebuilds it.
 *
 * @param timing    {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events    {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in that order
 * @param columns   the columns of UPDATE OF
 * @param when      the WHEN condition, or null
 * @param function  the trigger function, schema-qualified
 * @param inherited cloned from a trigger of the partitioned table
 * @param constraint a CONSTRAINT TRIGGER
 */
public record Trigger(String name, String timing, List<String> events, List<String> columns, boolean forEachRow,
                      String when, String function, Enablement enabled, boolean constraint, boolean inherited,
                      String definition, String comment) {

    public Trigger {
        events = Canonical.kept(events);
        columns = Canonical.kept(columns);
    }
}
