package dev.schemagate.applied;

import java.util.List;

/**
 * What an environment's history table says was applied.
 *
 * @param table      the table it was read from
 * @param entries    the entries, in the order the tool applied them
 * @param cumulative true when the table holds only the current version and every lower one counts as
 *                   applied (golang-migrate keeps one row: the version and whether it is dirty)
 */
public record AppliedHistory(HistoryTable table, List<AppliedEntry> entries, boolean cumulative) {

    public AppliedHistory {
        entries = List.copyOf(entries);
    }
}
