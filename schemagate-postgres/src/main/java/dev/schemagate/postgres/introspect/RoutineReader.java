package dev.schemagate.postgres.introspect;

import dev.schemagate.model.EventTrigger;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Routine;
import dev.schemagate.model.dialect.PostgresRoutine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads functions, procedures and event triggers. */
final class RoutineReader {

    private final Catalog catalog;
    private final Annotations annotations;

    final List<Routine> routines = new ArrayList<>();
    final List<EventTrigger> eventTriggers = new ArrayList<>();

    RoutineReader(Catalog catalog, Annotations annotations) {
        this.catalog = catalog;
        this.annotations = annotations;
    }

    void read(Map<Long, List<QualifiedName>> dependencies) throws SQLException {
        catalog.query("routines", row -> {
            long oid = row.oid("oid");
            routines.add(new Routine(row.text("schema"), row.text("name"), kind(row.text("kind")),
                    row.text("identity_arguments"), row.text("arguments"), row.text("result"), row.text("language"),
                    volatility(row.text("volatility")), row.bool("security_definer"), row.text("body"),
                    row.text("definition"), dependencies.getOrDefault(oid, List.of()),
                    annotations.owner(row.text("owner")), annotations.comment("pg_proc", oid),
                    annotations.privileges("pg_proc", oid), new PostgresRoutine(row.bool("strict"),
                    row.bool("leakproof"), parallel(row.text("parallel")), row.decimal("cost"), row.decimal("rows"),
                    row.texts("config")), null));
        });
        catalog.query("event_triggers", row -> eventTriggers.add(new EventTrigger(row.text("name"),
                row.text("event"), row.texts("tags"), row.text("function"),
                RelationReader.enablement(row.text("enabled")), annotations.owner(row.text("owner")),
                annotations.comment("pg_event_trigger", row.oid("oid")))));
    }

    private static Routine.Kind kind(String code) {
        return switch (code) {
            case "p" -> Routine.Kind.PROCEDURE;
            case "w" -> Routine.Kind.WINDOW;
            default -> Routine.Kind.FUNCTION;
        };
    }

    private static Routine.Volatility volatility(String code) {
        return switch (code) {
            case "i" -> Routine.Volatility.IMMUTABLE;
            case "s" -> Routine.Volatility.STABLE;
            default -> Routine.Volatility.VOLATILE;
        };
    }

    private static PostgresRoutine.Parallel parallel(String code) {
        return switch (code) {
            case "s" -> PostgresRoutine.Parallel.SAFE;
            case "r" -> PostgresRoutine.Parallel.RESTRICTED;
            default -> PostgresRoutine.Parallel.UNSAFE;
        };
    }
}
