package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;

import java.util.List;

/**
 * What seeding did to one table, so that a data check can tell "this table holds synthetic rows"
 * from "this table could not be filled, and here is why".
 *
 * @param requested how many rows were asked for; 0 when the table was skipped on purpose (a partition
 *                  filled through its partitioned table, a name that is not a table)
 * @param inserted  how many rows went in
 * @param problems  one line each, {@code schema.table: ...}, saying why fewer rows than asked went in,
 *                  or why the table was skipped
 */
public record TableSeed(QualifiedName table, int requested, int inserted, List<String> problems) {

    public TableSeed {
        problems = List.copyOf(problems);
    }

    /** Every row asked for went in (a skipped table is not complete). */
    public boolean complete() {
        return requested > 0 && inserted == requested;
    }

    public boolean skipped() {
        return requested == 0;
    }
}
