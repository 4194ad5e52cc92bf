-- Tables, partitioned tables, views and materialized views.
SELECT c.oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind AS kind,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       ARRAY(SELECT pn.nspname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
             JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_schemas,
       ARRAY(SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_names,
       c.relispartition AS partition,
       CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END AS of_type,
       CASE WHEN am.amname <> 'heap' THEN am.amname END AS access_method,
       c.reloptions AS options,
       c.relreplident AS replica_identity,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       pg_get_userbyid(c.relowner) AS owner,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition,
       c.relispopulated AS populated
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_am am ON am.oid = c.relam
WHERE c.oid >= 16384  -- users' objects only (built-in oids are below 16384), through the catalog's index on oid
  AND c.relkind IN ('r', 'p', 'v', 'm')
  {{scoped: AND c.oid = ANY (@scope)}}
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
