-- Event triggers.
SELECT et.oid,
       et.evtname AS name,
       et.evtevent AS event,
       et.evttags AS tags,
       quote_ident(pn.nspname) || '.' || quote_ident(p.proname) AS function,
       et.evtenabled AS enabled,
       pg_get_userbyid(et.evtowner) AS owner
FROM pg_event_trigger et
JOIN pg_proc p ON p.oid = et.evtfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_event_trigger'::regclass AND e.objid = et.oid AND e.deptype = 'e')
