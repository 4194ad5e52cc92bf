package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * What only PostgreSQL says about a column: how the planner samples it and how its values are
 * stored. A column of another dialect, and a column with PostgreSQL's defaults, has {@link #DEFAULTS}.
 *
 * @param statisticsTarget the per-column statistics target if set, else null
 * @param storage          the storage (plain, external, extended, main) if not the type's default, else null
 * @param compression      the compression method if set (PostgreSQL 14+), else null
 * @param options          attribute options such as {@code n_distinct=7}, sorted
 */
public record PostgresColumn(Integer statisticsTarget, String storage, String compression, List<String> options)
        implements DialectOwn {

    /** No statistics target, storage, compression or option of its own. */
    public static final PostgresColumn DEFAULTS = new PostgresColumn(null, null, null, null);

    public PostgresColumn {
        options = Canonical.sorted(options, String::compareTo);
    }

    /** Null (a column of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresColumn orDefaults(PostgresColumn column) {
        return column == null ? DEFAULTS : column;
    }
}
