package dev.schemagate.diff;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** One statement of a migration plan, with what running it can do. */
public record PlannedStatement(String sql, Set<Hazard> hazards) {

    public PlannedStatement {
        hazards = Set.copyOf(hazards);
    }

    /** It can lose data, so {@code diff} holds it back unless told {@code --unsafe}. */
    public boolean destructive() {
        return hazards.contains(Hazard.DELETES_DATA);
    }

    /** The hazards in their declared order, for people: {@code takes ACCESS EXCLUSIVE, deletes data}. */
    public String hazardText() {
        return Arrays.stream(Hazard.values()).filter(hazards::contains).map(Hazard::description)
                .collect(Collectors.joining(", "));
    }

    /** The statement as a script writes it: its hazards as a comment line above it, then the SQL and a semicolon. */
    public String render() {
        String comment = hazards.isEmpty() ? "" : "-- hazards: " + hazardText() + "\n";
        return comment + sql.stripTrailing() + ";\n";
    }
}
