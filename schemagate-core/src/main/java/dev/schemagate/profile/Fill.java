package dev.schemagate.profile;

import java.util.List;

/**
 * How the tables were filled for one size of the ladder: over the whole history, how many tables,
 * how many rows, how long it took, the tables that could not be filled, with why, and the rows
 * changed so that a migration could run on them as on production rows.
 *
 * @param adjusted one line a migration, what was changed in the rows before it ran
 */
public record Fill(int rows, int tables, long inserted, double seconds, List<String> problems, List<String> adjusted) {

    public Fill {
        problems = List.copyOf(problems);
        adjusted = List.copyOf(adjusted);
    }

    /** Rows inserted per second. */
    public double rate() {
        return seconds <= 0 ? 0 : inserted / seconds;
    }
}
