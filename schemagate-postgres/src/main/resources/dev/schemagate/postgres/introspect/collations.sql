-- Collations created in user schemas.
SELECT c.oid,
       n.nspname AS schema,
       c.collname AS name,
       CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'default' END AS provider,
       CASE WHEN c.collprovider = 'c' THEN c.collcollate END AS collate,
       CASE WHEN c.collprovider = 'c' THEN c.collctype END AS ctype,
       {{pg17: c.colllocale | {{pg15: c.colliculocale | CASE WHEN c.collprovider = 'i' THEN c.collcollate END}}}} AS locale,
       {{pg16: c.collicurules | NULL::text}} AS rules,
       c.collisdeterministic AS deterministic,
       pg_get_userbyid(c.collowner) AS owner
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE c.oid >= 16384  -- users' objects only (built-in oids are below 16384), through the catalog's index on oid
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_collation'::regclass AND e.objid = c.oid AND e.deptype = 'e')
