package dev.schemagate.model.dialect;

/**
 * A scheduled event of MySQL and MariaDB ({@code CREATE EVENT}), a kind of object only they have,
 * in fields of its own so that two events compare as any other object. The definer is left out, as
 * owners are; times are as the server shows them, in the event's time zone, to the second.
 *
 * <p>A recurring event created without {@code STARTS} starts at the moment it was created (or its
 * schedule last altered), which the server records as an explicit time: that default reads as a null
 * {@code starts}, so the same event created at two moments compares equal, though it fires at another
 * time of day. An explicit {@code STARTS} that falls on that same second is the default, and reads so.
 *
 * @param name      the event's name
 * @param executeAt for a one-time event ({@code ON SCHEDULE AT}), when it runs, else null
 * @param every     for a recurring event, its interval as {@code EVERY} takes it ({@code 1 DAY},
 *                  {@code '1:30' HOUR_MINUTE}), else null
 * @param starts    when a recurring event starts, or null for the default (when it was created)
 * @param ends      when a recurring event ends, or null
 * @param preserve  {@code ON COMPLETION PRESERVE}: the event is kept once its schedule is over
 * @param status    {@code ENABLE}, {@code DISABLE} or {@code DISABLE ON SLAVE}, as the clause is written
 * @param comment   its comment, or null
 * @param body      the statement after {@code DO}, as written
 */
public record MysqlEvent(String name, String executeAt, String every, String starts, String ends, boolean preserve,
                         String status, String comment, String body) {
}
