-- Enums, domains, ranges and stand-alone composite types. Composite attributes come from columns.sql.
SELECT t.oid,
       n.nspname AS schema,
       t.typname AS name,
       t.typtype AS kind,
       pg_get_userbyid(t.typowner) AS owner,
       CASE WHEN t.typtype = 'e' THEN
           ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
       END AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> b.typcollation THEN
           (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation)
       END AS domain_collation,
       coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault) AS default_expression,
       t.typnotnull AS not_null,
       t.typrelid AS relation,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT oc.opcdefault THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> s.typcollation THEN
           (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = r.rngcollation)
       END AS range_collation,
       NULLIF(r.rngcanonical, 0)::regproc::text AS canonical,
       NULLIF(r.rngsubdiff, 0)::regproc::text AS subtype_diff,
       {{pg14: format_type(NULLIF(r.rngmultitypid, 0), NULL) | NULL::text}} AS multirange
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_type b ON b.oid = t.typbasetype
LEFT JOIN pg_range r ON r.rngtypid = t.oid
LEFT JOIN pg_type s ON s.oid = r.rngsubtype
LEFT JOIN pg_opclass oc ON oc.oid = r.rngsubopc
LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
WHERE t.oid >= 16384  -- users' objects only (built-in oids are below 16384), through the catalog's index on oid
  AND (t.typtype IN ('e', 'd', 'r')
       OR t.typtype = 'c' AND EXISTS (SELECT FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
