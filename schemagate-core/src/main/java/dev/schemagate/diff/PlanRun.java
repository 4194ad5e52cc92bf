package dev.schemagate.diff;

import java.util.List;
import java.util.Map;

/**
 * What running a list of planned statements showed on a scratch copy of SOURCE seeded with rows:
 * the statements that ran, each with the hazards observed, the first one that failed, what still
 * differs from TARGET afterwards, and the rows each table lost.
 *
 * @param ran      the statements that ran, in order, each with the hazards seen while it ran
 * @param failure  the statement that failed, or null when all ran
 * @param residual what differs between the database after the statements and TARGET
 * @param rowsLost for each table of both SOURCE and TARGET that holds fewer rows afterwards, how many fewer
 */
public record PlanRun(List<PlannedStatement> ran, Failure failure, SchemaDiff residual, Map<String, Long> rowsLost) {

    public PlanRun {
        ran = List.copyOf(ran);
        rowsLost = Map.copyOf(rowsLost);
    }

    /**
     * A statement the server refused.
     *
     * @param statement    the statement
     * @param error        the server's message
     * @param onlyWithRows it runs on empty tables and fails only on the seeded copy
     */
    public record Failure(PlannedStatement statement, String error, boolean onlyWithRows) {
    }

    /** Every statement ran and nothing differs from TARGET. */
    public boolean clean() {
        return failure == null && residual.isEmpty();
    }

    /** Tables that lost rows though no statement that serves them says it deletes data: a planner bug. */
    public Map<String, Long> unannouncedLosses() {
        return rowsLost.entrySet().stream()
                .filter(loss -> ran.stream().noneMatch(s -> s.destructive() && s.change().equals(loss.getKey())))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
