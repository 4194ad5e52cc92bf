-- A log of what each DDL statement of a transaction did, kept for transaction_changes.sql in the
-- transaction's own settings (nothing is written anywhere): installed in the embedded server's
-- scratch databases, where Schemagate is the superuser. It records only in a transaction that a
-- mark started it in (transaction_mark.sql sets schemagate.ddl to the mark's id and '|', and
-- schemagate.ddl_writes to how many rows the transaction has written to the catalogs below);
-- elsewhere it returns at once. Each statement appends, space-separated: r<oid> for a relation it
-- created, changed or dropped, t<oid> for a type and c<oid> for a constraint it created or changed
-- (the reading looks them up), ! for a dropped user type or domain constraint, and ? when it cannot
-- say which objects it changed (GRANT, REVOKE, DROP OWNED, a command without an object) or when
-- catalog rows were written between two statements (not by DDL): the reading then scans the
-- catalogs as without the log. It runs on every DDL statement of every connection, with the
-- caller's search path (a SET clause would add a change of setting to every call), so it names
-- everything with its schema, and it runs one query a statement at most: the rest are expressions,
-- which PL/pgSQL evaluates without the executor. The function lives in pg_catalog, where no
-- snapshot looks, and it and its triggers are made members of plpgsql, the language they need:
-- snapshots and pg_dump leave extensions' members out, and a migration that drops plpgsql drops
-- them with it.
SET allow_system_table_mods = on;

CREATE FUNCTION pg_catalog.schemagate_ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    log text := pg_catalog.current_setting('schemagate.ddl', true);
    catalog pg_catalog.regclass;
    written bigint := 0;
    entries text;
    done text;
BEGIN
    IF log IS NULL OR log = '' OR pg_catalog.strpos(log, '?') > 0 THEN
        RETURN;
    END IF;
    -- a loop of assignments, which PL/pgSQL evaluates without starting a query
    FOREACH catalog IN ARRAY '{pg_catalog.pg_class,pg_catalog.pg_attribute,pg_catalog.pg_type,
                                pg_catalog.pg_constraint,pg_catalog.pg_sequence}'::pg_catalog.regclass[] LOOP
        written := written + pg_catalog.pg_stat_get_xact_tuples_inserted(catalog)
                   + pg_catalog.pg_stat_get_xact_tuples_updated(catalog) + pg_catalog.pg_stat_get_xact_tuples_deleted(catalog);
    END LOOP;
    IF TG_EVENT = 'ddl_command_start' THEN
        IF written::text IS DISTINCT FROM pg_catalog.current_setting('schemagate.ddl_writes', true) THEN
            entries := ' ?';
        END IF;
    ELSIF TG_EVENT = 'sql_drop' THEN
        SELECT pg_catalog.string_agg(CASE WHEN classid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN ' r' || objid
                                          WHEN classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND (original OR normal)
                                               OR object_type = 'domain constraint' THEN ' !' END, '')
        INTO entries
        FROM pg_catalog.pg_event_trigger_dropped_objects();
    ELSE
        IF TG_TAG IN ('GRANT', 'REVOKE', 'DROP OWNED') THEN
            entries := ' ?';
        ELSE
            SELECT pg_catalog.string_agg(CASE WHEN objid IS NULL THEN ' ?'
                                              WHEN classid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN ' r' || objid
                                              WHEN classid = 'pg_catalog.pg_type'::pg_catalog.regclass THEN ' t' || objid
                                              WHEN classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN ' c' || objid
                                         END, '')
            INTO entries
            FROM pg_catalog.pg_event_trigger_ddl_commands();
        END IF;
        done := pg_catalog.set_config('schemagate.ddl_writes', written::text, true);
    END IF;
    IF entries <> '' THEN
        done := pg_catalog.set_config('schemagate.ddl', log || entries, true);
    END IF;
END
$$;

CREATE EVENT TRIGGER schemagate_ddl_start ON ddl_command_start EXECUTE FUNCTION pg_catalog.schemagate_ddl_log();
CREATE EVENT TRIGGER schemagate_ddl_drop ON sql_drop EXECUTE FUNCTION pg_catalog.schemagate_ddl_log();
CREATE EVENT TRIGGER schemagate_ddl_end ON ddl_command_end EXECUTE FUNCTION pg_catalog.schemagate_ddl_log();

ALTER EXTENSION plpgsql ADD FUNCTION pg_catalog.schemagate_ddl_log();
ALTER EXTENSION plpgsql ADD EVENT TRIGGER schemagate_ddl_start;
ALTER EXTENSION plpgsql ADD EVENT TRIGGER schemagate_ddl_drop;
ALTER EXTENSION plpgsql ADD EVENT TRIGGER schemagate_ddl_end;

RESET allow_system_table_mods;
