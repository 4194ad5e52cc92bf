package dev.schemagate.profile;

import java.util.List;
import java.util.Map;

/**
 * What one migration cost at each table size of the ladder: the whole (its statements and commit),
 * statement by statement, and how its time grows.
 *
 * @param version   the migration's version
 * @param file      its up script, relative to the migrations folder
 * @param time      its wall time at each size, in milliseconds
 * @param logBytes  the median write-ahead log bytes it wrote at each size
 * @param tempBytes the median temporary-file bytes it wrote at each size (-1: the server cannot tell)
 * @param fit       how its time grows with the rows
 * @param failure   why it could not be profiled ({@code file:line: message}), or null
 */
public record MigrationProfile(String version, String file, Map<Integer, Timing> time, Map<Integer, Long> logBytes,
                               Map<Integer, Long> tempBytes, List<StatementProfile> statements, CostFit fit, String failure) {

    public MigrationProfile {
        time = Map.copyOf(time);
        logBytes = Map.copyOf(logBytes);
        tempBytes = Map.copyOf(tempBytes);
        statements = List.copyOf(statements);
    }
}
