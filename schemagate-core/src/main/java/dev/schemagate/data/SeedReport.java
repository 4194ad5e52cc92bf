package dev.schemagate.data;

import java.util.List;

/**
 * The outcome of seeding a set of tables with synthetic rows, in the order they were seeded
 * (referenced tables first), so the data check can name the tables it could not prove anything about.
 */
public record SeedReport(List<TableSeed> tables) {

    public SeedReport {
        tables = List.copyOf(tables);
    }

    /** How many tables received every row asked for. */
    public long completeCount() {
        return tables.stream().filter(TableSeed::complete).count();
    }

    /** Every problem line, table by table. */
    public List<String> problems() {
        return tables.stream().flatMap(table -> table.problems().stream()).toList();
    }
}
