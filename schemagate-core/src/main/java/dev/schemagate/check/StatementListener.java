package dev.schemagate.check;

import dev.schemagate.migration.Statement;

/** Hears which statement a run is about to execute, so that a long one can be named while it runs. */
@FunctionalInterface
public interface StatementListener {

    StatementListener NONE = statement -> { };

    void running(Statement statement);
}
