package dev.schemagate.profile;

import java.util.List;

/**
 * How the tables were filled for one size of the ladder: over the whole history, how many tables,
 * how many rows, how long it took, and the tables that could not be filled, with why.
 */
public record Fill(int rows, int tables, long inserted, double seconds, List<String> problems) {

    public Fill {
        problems = List.copyOf(problems);
    }

    /** Rows inserted per second. */
    public double rate() {
        return seconds <= 0 ? 0 : inserted / seconds;
    }
}
