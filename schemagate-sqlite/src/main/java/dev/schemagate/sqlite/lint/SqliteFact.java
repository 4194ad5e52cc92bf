package dev.schemagate.sqlite.lint;

import dev.schemagate.migration.Statement;

import java.util.List;
import java.util.Map;

/** What the {@link Rebuilds} reader read in a script, for the rules: one fact at a time, in order. */
sealed interface SqliteFact {

    /**
     * An {@code ALTER TABLE} other than a rename.
     *
     * @param createdInChange true when the change created the table (it is empty in production)
     */
    record Alter(Statement statement, String table, String action, boolean createdInChange) implements SqliteFact {
    }

    /**
     * The end of a script, with what it did to the tables: which were renamed out of the way while
     * others referenced them, which were dropped (with the indexes and triggers that went along),
     * and the schema it leaves.
     */
    record ScriptEnd(Map<String, RenamedAway> renamedAway, Map<String, Dropped> dropped, TextSchema schema) implements SqliteFact {
    }

    /** A table a script dropped, and the indexes (with their columns) and triggers (with none) that went with it. */
    record Dropped(Statement statement, Map<String, List<String>> objects) {
    }

    /**
     * A table renamed out of the way while other tables referenced it.
     *
     * @param to          the new name's key
     * @param fromWritten the old name as the script writes it, for people
     * @param toWritten   the new name as the script writes it ({@code oldCiphers})
     */
    record RenamedAway(Statement statement, String to, String fromWritten, String toWritten) {
    }
}
