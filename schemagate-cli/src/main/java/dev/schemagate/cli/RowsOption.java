package dev.schemagate.cli;

import dev.schemagate.engine.VerifyOptions;
import picocli.CommandLine.Option;

/**
 * {@code --rows}, the synthetic rows of every command that fills tables before it runs migrations
 * ({@code verify}, {@code lint}, {@code mutate}), declared once: one default and one range.
 */
public final class RowsOption {

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_ROWS,
            description = "Synthetic rows put in each table before each migration runs on the database (data and lint checks), "
                    + "at least 1 (default: ${DEFAULT-VALUE}).")
    int rows;

    int rows() {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, not " + rows);
        }
        return rows;
    }
}
