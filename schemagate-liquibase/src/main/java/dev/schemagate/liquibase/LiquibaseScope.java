package dev.schemagate.liquibase;

import liquibase.Scope;
import liquibase.logging.core.NoOpLogService;
import liquibase.ui.LoggerUIService;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs Liquibase code in a scope of its own that keeps it quiet (no log lines, no console output
 * of its own in Schemagate's reports), with the attributes the caller adds.
 */
final class LiquibaseScope {

    private LiquibaseScope() {
    }

    static <T> T call(Map<String, Object> attributes, Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>(attributes);
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        return Scope.child(scope, work);
    }
}
