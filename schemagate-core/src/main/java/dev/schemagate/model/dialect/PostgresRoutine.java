package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * What only PostgreSQL says about a function or procedure: how it treats nulls, what the planner may
 * assume of it and the settings it runs with. A routine of another dialect has {@link #DEFAULTS}.
 *
 * @param strict    {@code STRICT} ({@code RETURNS NULL ON NULL INPUT}): called with a null argument, it returns null
 * @param leakproof {@code LEAKPROOF}: it reveals nothing about its arguments but its result
 * @param parallel  what a parallel query may do with it
 * @param cost      the planner's estimate of its cost, in units of {@code cpu_operator_cost}
 * @param rows      for a set-returning function, the planner's estimate of its rows, else 0
 * @param config    settings attached with {@code SET}, such as {@code search_path=pg_catalog}, sorted
 */
public record PostgresRoutine(boolean strict, boolean leakproof, Parallel parallel, double cost, double rows,
                              List<String> config) implements DialectOwn {

    /** What {@code PARALLEL} says; a routine declares none is {@code UNSAFE}. */
    public enum Parallel { SAFE, RESTRICTED, UNSAFE }

    /** Neither strict nor leakproof, parallel unsafe, without a cost, rows or setting of its own. */
    public static final PostgresRoutine DEFAULTS = new PostgresRoutine(false, false, Parallel.UNSAFE, 0, 0, null);

    public PostgresRoutine {
        parallel = parallel == null ? Parallel.UNSAFE : parallel;
        config = Canonical.sorted(config, String::compareTo);
    }

    /** Null (a routine of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresRoutine orDefaults(PostgresRoutine routine) {
        return routine == null ? DEFAULTS : routine;
    }
}
