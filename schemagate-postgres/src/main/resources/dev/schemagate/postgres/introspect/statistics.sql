-- Extended statistics objects (CREATE STATISTICS) outside extensions: the table and what of it they
-- cover, the kinds asked for (the expression kind PostgreSQL adds on its own is left out), the target.
SELECT s.oid,
       n.nspname AS schema,
       s.stxname AS name,
       tn.nspname AS table_schema,
       t.relname AS table_name,
       ARRAY(SELECT a.attname FROM unnest(s.stxkeys::int2[]) k(attnum)
             JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum ORDER BY a.attnum)::text[] AS columns,
       {{pg14: pg_get_statisticsobjdef_expressions(s.oid) | NULL::text[]}} AS expressions,
       ARRAY(SELECT CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' ELSE 'mcv' END
             FROM unnest(s.stxkind) WITH ORDINALITY u(k, i) WHERE k IN ('d', 'f', 'm') ORDER BY i)::text[] AS kinds,
       {{pg17: s.stxstattarget | nullif(s.stxstattarget, -1)}} AS target,
       pg_get_userbyid(s.stxowner) AS owner
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_class t ON t.oid = s.stxrelid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_statistic_ext'::regclass AND e.objid = s.oid AND e.deptype = 'e')
