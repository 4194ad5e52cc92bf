package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Snapshot;

/**
 * Writes a snapshot as a PostgreSQL schema file that rebuilds it in an empty database: objects kind by
 * kind, each moved up before what needs it where the dependencies the snapshot records say so
 * ({@link CreateGraph}), every name schema-qualified, the same text for the same snapshot.
 */
public final class PostgresSchemaWriter {

    private static final String PREAMBLE = """
            -- Schema written by Schemagate; apply to an empty database.
            SET check_function_bodies = false;
            SET client_min_messages = warning;
            SELECT pg_catalog.set_config('search_path', '', false);
            """;

    private PostgresSchemaWriter() {
    }

    /** The schema file, each extension pinned to the version the snapshot holds. */
    public static String render(Snapshot snapshot) {
        return render(snapshot, true);
    }

    /** The schema file; without {@code extensionVersions}, extensions load at each server's default version. */
    public static String render(Snapshot snapshot, boolean extensionVersions) {
        Script script = new Script();
        TypeDdl.schemasAndExtensions(snapshot, script, extensionVersions);
        int start = script.size();
        ForeignDdl.wrappersAndServers(snapshot, script);
        TypeDdl.types(snapshot, script);
        ProgramDdl.earlyRoutines(snapshot, script);
        DatabaseObjectDdl.casts(snapshot, script);
        TypeDdl.domainConstraints(snapshot, script);
        TypeDdl.sequences(snapshot, script);
        TableDdl tables = new TableDdl(snapshot);
        tables.tables(script);
        tables.constraintsAndIndexes(script);
        ProgramDdl.viewsAndLateRoutines(snapshot, script);
        TypeDdl.sequenceOwners(snapshot, script);
        ProgramDdl.triggers(snapshot, script);
        ProgramDdl.rowSecurity(snapshot, script);
        DatabaseObjectDdl.statistics(snapshot, script);
        DatabaseObjectDdl.publications(snapshot, script);
        script.order(start, snapshot);
        AccessDdl access = new AccessDdl(snapshot);
        access.comments(script);
        access.owners(script);
        access.privileges(script);
        ProgramDdl.eventTriggers(snapshot, script);
        return PREAMBLE + "\n" + script;
    }
}
