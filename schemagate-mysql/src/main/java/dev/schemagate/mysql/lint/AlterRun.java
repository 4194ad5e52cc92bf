package dev.schemagate.mysql.lint;

import dev.schemagate.lint.Observation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the server ran one ALTER TABLE or CREATE INDEX, as {@link MysqlStatementObserver} saw it and
 * wrote it in the observation's facts.
 *
 * @param algorithm    INSTANT, INPLACE or COPY as the server accepted it, or null when not probed
 * @param lockNone     true when the server accepted LOCK=NONE (writes went on while it ran)
 * @param rebuilt      true when the table's InnoDB id changed: the table was built anew
 * @param indexesAdded the indexes on the table after it ran that were not there before
 */
record AlterRun(String algorithm, boolean lockNone, boolean rebuilt, List<String> indexesAdded) {

    static final String ALGORITHM = "algorithm";
    static final String LOCK_NONE = "lock-none";
    static final String REBUILT = "rebuilt";
    static final String INDEXES = "indexes-added";

    AlterRun {
        indexesAdded = List.copyOf(indexesAdded);
    }

    static AlterRun of(Observation observed) {
        Map<String, String> facts = observed.facts();
        String indexes = facts.getOrDefault(INDEXES, "");
        return new AlterRun(facts.get(ALGORITHM), Boolean.parseBoolean(facts.get(LOCK_NONE)),
                Boolean.parseBoolean(facts.get(REBUILT)), indexes.isEmpty() ? List.of() : Arrays.asList(indexes.split(",")));
    }

    /** The server copied the table: ALGORITHM=COPY, or a rebuild whose algorithm was not probed. */
    boolean copied() {
        return "COPY".equals(algorithm) || (algorithm == null && rebuilt);
    }
}
