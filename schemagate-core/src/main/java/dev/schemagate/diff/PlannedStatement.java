package dev.schemagate.diff;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One statement of a migration plan, with what running it can do and the change it serves.
 *
 * @param sql     the statement, without its semicolon
 * @param hazards what running it can do (declared by the planner, or observed when the plan was proven)
 * @param change  the object of the difference it serves, as the diff names it ({@code table public.orders});
 *                empty for the plan's own settings
 */
public record PlannedStatement(String sql, Set<Hazard> hazards, String change) {

    public PlannedStatement {
        hazards = Set.copyOf(hazards);
    }

    /** A statement that serves no particular change (a session setting). */
    public PlannedStatement(String sql, Set<Hazard> hazards) {
        this(sql, hazards, "");
    }

    /** It can lose data, so {@code diff} holds it back unless told {@code --unsafe}. */
    public boolean destructive() {
        return hazards.contains(Hazard.DELETES_DATA);
    }

    /** The same statement serving {@code name}. */
    public PlannedStatement serving(String name) {
        return new PlannedStatement(sql, hazards, name);
    }

    /** The same statement with other hazards (those observed when it ran). */
    public PlannedStatement withHazards(Set<Hazard> observed) {
        return new PlannedStatement(sql, observed, change);
    }

    /**
     * The hazards in their declared order, for people: {@code takes ACCESS EXCLUSIVE, deletes data},
     * with the dialect's name for its strongest lock (see {@link MigrationPlan#strongestLock()}).
     */
    public String hazardText(String strongestLock) {
        return Arrays.stream(Hazard.values()).filter(hazards::contains).map(hazard -> hazard.description(strongestLock))
                .collect(Collectors.joining(", "));
    }

    /** The statement as a script writes it: its hazards as a comment line above it, then the SQL and a semicolon. */
    public String render(String strongestLock) {
        String comment = hazards.isEmpty() ? "" : "-- hazards: " + hazardText(strongestLock) + "\n";
        return comment + sql.stripTrailing() + ";\n";
    }
}
