package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Enablement;
import dev.schemagate.model.EventTrigger;
import dev.schemagate.model.Policy;
import dev.schemagate.model.Routine;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes routines, views, triggers, event triggers and policies. Routines whose bodies are only
 * checked when they run are written before the tables (with {@code check_function_bodies} off), so
 * defaults, checks and views can use them; those that need a relation (a row type in the
 * signature, a {@code BEGIN ATOMIC} body) are ordered together with the views.
 */
final class ProgramDdl {

    private ProgramDdl() {
    }

    static boolean early(Routine routine) {
        return routine.body() != null && routine.dependsOn().isEmpty();
    }

    /** Routines that need no relation, each after the routines and types its dependencies name. */
    static void earlyRoutines(Snapshot snapshot, Script script) {
        script.section("Functions and procedures");
        DependencyGraph graph = new DependencyGraph(snapshot);
        List<Routine> early = snapshot.routines().stream().filter(ProgramDdl::early).toList();
        DependencyOrder.sort(early, DependencyGraph::ref, routine -> graph.requiredObjects(DependencyGraph.ref(routine)))
                .forEach(routine -> script.add(routine.definition(), DependencyGraph.ref(routine)));
    }

    /** Views, materialized views and the routines that need relations, each after what it reads. */
    static void viewsAndLateRoutines(Snapshot snapshot, Script script) {
        script.section("Views");
        List<SchemaObject> items = new ArrayList<>(snapshot.views());
        snapshot.routines().stream().filter(routine -> !early(routine)).forEach(items::add);
        DependencyGraph graph = new DependencyGraph(snapshot);
        List<SchemaObject> ordered = DependencyOrder.sort(items, DependencyGraph::ref, item -> graph.requiredObjects(DependencyGraph.ref(item)));
        for (SchemaObject item : ordered) {
            if (item instanceof View view) {
                script.add(createView(view), DependencyGraph.ref(view));
            } else {
                script.add(((Routine) item).definition(), DependencyGraph.ref(item));
            }
        }
        script.section("View settings");
        for (View view : snapshot.views()) {
            String alter = (view.materialized() ? "ALTER MATERIALIZED VIEW " : "ALTER VIEW ") + Sql.name(view);
            view.columns().stream().filter(column -> column.defaultExpression() != null).forEach(column -> script.add(
                    alter + " ALTER COLUMN " + Sql.ident(column.name()) + " SET DEFAULT " + column.defaultExpression(),
                    DependencyGraph.part(view, "column " + column.name())));
            TableDdl.columnSettings(view, alter, view.columns(), script);
            TableDdl.indexes(view, view.indexes(), script);
        }
    }

    static String createView(View view) {
        List<String> options = view.postgres().options();
        String with = options.isEmpty() ? "" : " WITH (" + String.join(", ", options) + ")";
        String query = view.definition().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        if (view.materialized()) {
            return "CREATE MATERIALIZED VIEW " + Sql.name(view) + with + " AS\n" + query
                    + (view.populated() ? "\nWITH DATA" : "\nWITH NO DATA");
        }
        return "CREATE VIEW " + Sql.name(view) + with + " AS\n" + query;
    }

    static void triggers(Snapshot snapshot, Script script) {
        script.section("Triggers");
        snapshot.tables().forEach(table -> createTriggers(table, table.triggers(), script));
        snapshot.views().forEach(view -> createTriggers(view, view.triggers(), script));
        for (Table table : snapshot.tables()) {
            triggerStates(table, "ALTER TABLE ONLY " + Sql.name(table), table.triggers(), script);
        }
        for (View view : snapshot.views()) {
            triggerStates(view, "ALTER TABLE " + Sql.name(view), view.triggers(), script);
        }
    }

    /**
     * Event triggers come last, with their comments and owners: one that rejects DDL would otherwise
     * stop the rest of the file.
     */
    static void eventTriggers(Snapshot snapshot, Script script) {
        script.section("Event triggers");
        for (EventTrigger trigger : snapshot.postgres().eventTriggers()) {
            String name = Sql.ident(trigger.name());
            String tags = trigger.tags().isEmpty() ? "" : "\n    WHEN TAG IN ("
                    + trigger.tags().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
            script.add("CREATE EVENT TRIGGER " + name + " ON " + Sql.ident(trigger.event()) + tags
                    + "\n    EXECUTE FUNCTION " + trigger.function() + "()");
            if (trigger.enabled() != Enablement.ORIGIN) {
                script.add("ALTER EVENT TRIGGER " + name + " " + enable(trigger.enabled()));
            }
            if (trigger.comment() != null) {
                script.add("COMMENT ON EVENT TRIGGER " + name + " IS " + Sql.literal(trigger.comment()));
            }
            if (trigger.owner() != null) {
                script.add("ALTER EVENT TRIGGER " + name + " OWNER TO " + Sql.ident(trigger.owner()));
            }
        }
    }

    private static void createTriggers(SchemaObject relation, List<Trigger> triggers, Script script) {
        triggers.stream().filter(trigger -> !trigger.inherited()).forEach(trigger -> script.add(trigger.definition(),
                DependencyGraph.part(relation, "trigger " + trigger.name())));
    }

    private static void triggerStates(SchemaObject relation, String alter, List<Trigger> triggers, Script script) {
        for (Trigger trigger : triggers) {
            if (trigger.postgres().enabled() != Enablement.ORIGIN) {
                script.add(alter + " " + enable(trigger.postgres().enabled()) + " TRIGGER " + Sql.ident(trigger.name()),
                        DependencyGraph.part(relation, "trigger " + trigger.name()));
            }
        }
    }

    static String enable(Enablement enablement) {
        return switch (enablement) {
            case DISABLED -> "DISABLE";
            case REPLICA -> "ENABLE REPLICA";
            case ALWAYS -> "ENABLE ALWAYS";
            case ORIGIN -> "ENABLE";
        };
    }

    static void rowSecurity(Snapshot snapshot, Script script) {
        script.section("Row-level security");
        for (Table table : snapshot.tables()) {
            String alter = "ALTER TABLE ONLY " + Sql.name(table);
            if (table.postgres().rowSecurity()) {
                script.add(alter + " ENABLE ROW LEVEL SECURITY", DependencyGraph.part(table, "row security"));
            }
            if (table.postgres().forceRowSecurity()) {
                script.add(alter + " FORCE ROW LEVEL SECURITY", DependencyGraph.part(table, "row security"));
            }
            for (Policy policy : table.postgres().policies()) {
                script.add(createPolicy(table, policy), DependencyGraph.part(table, "policy " + policy.name()));
            }
        }
    }

    static String createPolicy(Table table, Policy policy) {
        StringBuilder create = new StringBuilder("CREATE POLICY ").append(Sql.ident(policy.name())).append(" ON ")
                .append(Sql.name(table)).append(policy.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                .append(" FOR ").append(policy.command()).append(" TO ")
                .append(policy.roles().stream().map(Sql::role).collect(Collectors.joining(", ")));
        if (policy.using() != null) {
            create.append(" USING (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            create.append(" WITH CHECK (").append(policy.withCheck()).append(')');
        }
        return create.toString();
    }
}
