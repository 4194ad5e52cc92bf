-- Functions and procedures (aggregates are not recorded), without those a range type made for itself.
-- Only oids from 16384 are users' (the built-in ones are below), which pg_proc's index finds without
-- reading the thousands of built-in functions.
SELECT p.oid,
       n.nspname AS schema,
       p.proname AS name,
       p.prokind AS kind,
       pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,
       l.lanname AS language,
       p.provolatile AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proleakproof AS leakproof,
       p.proparallel AS parallel,
       p.procost AS cost,
       p.prorows AS rows,
       p.proconfig AS config,
       {{pg14: CASE WHEN p.prosqlbody IS NULL THEN p.prosrc END | p.prosrc}} AS body,
       pg_get_functiondef(p.oid) AS definition,
       pg_get_userbyid(p.proowner) AS owner
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid >= 16384
  AND p.prokind IN ('f', 'p', 'w')
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype IN ('e', 'i'))
