package dev.schemagate.mysql;

import dev.schemagate.model.dialect.MysqlEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the scheduled events of the current database from {@code information_schema.EVENTS}, in
 * one query, as the model holds them: times to the second, the definer left out, and a
 * {@code STARTS} that falls on the second the event was created or last altered read as the default
 * it is (null), since the server writes the moment of creation where the statement said nothing.
 */
final class MysqlEvents {

    private static final String TIME = "'%Y-%m-%d %H:%i:%s'";

    private MysqlEvents() {
    }

    static List<MysqlEvent> read(Connection connection, Pattern qualifier) throws SQLException {
        List<MysqlEvent> events = new ArrayList<>();
        for (Row row : MysqlIntrospector.rows(connection, "select event_name, event_definition,"
                + " date_format(execute_at, " + TIME + ") as execute_at, interval_value, interval_field,"
                + " case when starts in (created, last_altered) then null else date_format(starts, " + TIME + ") end as starts,"
                + " date_format(ends, " + TIME + ") as ends, status, on_completion, event_comment"
                + " from information_schema.events where event_schema = database() order by event_name")) {
            String every = row.text("interval_value") == null ? null : row.text("interval_value") + " " + row.text("interval_field");
            String comment = row.text("event_comment");
            events.add(new MysqlEvent(row.text("event_name"), row.text("execute_at"), every, row.text("starts"),
                    row.text("ends"), "PRESERVE".equals(row.text("on_completion")), status(row.text("status")),
                    comment == null || comment.isEmpty() ? null : comment,
                    qualifier.matcher(row.text("event_definition")).replaceAll("")));
        }
        return events;
    }

    /** The status as the clause that sets it; what is neither enabled nor disabled is disabled on a replica ({@code SLAVESIDE_DISABLED}). */
    private static String status(String status) {
        return switch (status) {
            case "ENABLED" -> "ENABLE";
            case "DISABLED" -> "DISABLE";
            default -> "DISABLE ON SLAVE";
        };
    }
}
