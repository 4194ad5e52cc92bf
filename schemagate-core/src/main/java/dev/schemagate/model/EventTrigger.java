package dev.schemagate.model;

import java.util.List;

/**
 * A database-wide trigger on DDL events.
 *
 * @param event    {@code ddl_command_start}, {@code ddl_command_end}, {@code sql_drop}, {@code table_rewrite}, {@code login}
 * @param tags     the command tags of its WHEN TAG IN filter, sorted; empty for all
 * @param function the function it runs, schema-qualified
 */
public record EventTrigger(String name, String event, List<String> tags, String function, Enablement enabled,
                           String owner, String comment) {

    public EventTrigger {
        tags = Canonical.sorted(tags, String::compareTo);
    }
}
