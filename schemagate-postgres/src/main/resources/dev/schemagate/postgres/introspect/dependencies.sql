-- The relations each view, materialized view and function needs: what a view's query reads, row types
-- in a function's signature and what a BEGIN ATOMIC body reads.
SELECT DISTINCT v.oid AS dependent,
       rn.nspname AS schema,
       rc.relname AS name
FROM pg_rewrite r
JOIN pg_class v ON v.oid = r.ev_class
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
JOIN pg_class rc ON rc.oid = d.refobjid
JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE v.relkind IN ('v', 'm')
  AND rc.oid <> v.oid
  AND rc.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND v.oid >= 16384
  {{scoped: AND v.oid = ANY (@scope)}}
UNION
SELECT d.objid,
       rn.nspname,
       rc.relname
FROM pg_depend d
LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
JOIN pg_class rc ON rc.oid = CASE WHEN d.refclassid = 'pg_class'::regclass THEN d.refobjid ELSE t.typrelid END
JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE d.classid = 'pg_proc'::regclass
  AND d.objid >= 16384
  AND d.refclassid IN ('pg_class'::regclass, 'pg_type'::regclass)
  AND rc.relkind IN ('r', 'p', 'v', 'm', 'f')
  {{scoped: AND d.objid = ANY (@scope)}}
