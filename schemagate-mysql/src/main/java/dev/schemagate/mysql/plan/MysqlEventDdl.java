package dev.schemagate.mysql.plan;

import dev.schemagate.model.dialect.MysqlEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.schemagate.mysql.plan.MysqlDdl.literal;
import static dev.schemagate.mysql.plan.MysqlDdl.quote;

/**
 * Writes the DDL of scheduled events, each one statement without {@code DELIMITER} (the body after
 * {@code DO} ends the statement, as a trigger's does): {@code CREATE EVENT} with every clause the
 * model holds, {@code ALTER EVENT} with only the clauses that change, and {@code DROP EVENT}. A
 * default {@code STARTS} is left out, so the server sets it to the moment the statement runs.
 */
public final class MysqlEventDdl {

    private MysqlEventDdl() {
    }

    public static String create(MysqlEvent event) {
        return "CREATE EVENT " + quote(event.name()) + " " + schedule(event) + " " + completion(event) + " " + event.status()
                + (event.comment() == null ? "" : " COMMENT " + literal(event.comment())) + " DO " + event.body();
    }

    /** {@code ALTER EVENT} from one event to another of the same name, with the clauses that differ. */
    static String alter(MysqlEvent from, MysqlEvent to) {
        List<String> clauses = new ArrayList<>();
        if (!schedule(from).equals(schedule(to))) {
            clauses.add(schedule(to));
        }
        if (from.preserve() != to.preserve()) {
            clauses.add(completion(to));
        }
        if (!from.status().equals(to.status())) {
            clauses.add(to.status());
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            clauses.add("COMMENT " + literal(to.comment() == null ? "" : to.comment()));
        }
        if (!from.body().equals(to.body())) {
            clauses.add("DO " + to.body());
        }
        return "ALTER EVENT " + quote(to.name()) + " " + String.join(" ", clauses);
    }

    static String drop(MysqlEvent event) {
        return "DROP EVENT " + quote(event.name());
    }

    private static String schedule(MysqlEvent event) {
        if (event.every() == null) {
            return "ON SCHEDULE AT '" + event.executeAt() + "'";
        }
        return "ON SCHEDULE EVERY " + event.every() + (event.starts() == null ? "" : " STARTS '" + event.starts() + "'")
                + (event.ends() == null ? "" : " ENDS '" + event.ends() + "'");
    }

    private static String completion(MysqlEvent event) {
        return event.preserve() ? "ON COMPLETION PRESERVE" : "ON COMPLETION NOT PRESERVE";
    }
}
