-- Casts users created: not the built-in ones (below the first user oid), nor those an extension brings
-- or a type makes for itself (a range's casts to its multirange).
SELECT c.oid,
       format_type(c.castsource, NULL) AS source,
       format_type(c.casttarget, NULL) AS target,
       CASE WHEN p.oid IS NOT NULL
            THEN quote_ident(pn.nspname) || '.' || quote_ident(p.proname)
                 || '(' || pg_get_function_identity_arguments(p.oid) || ')' END AS function,
       c.castmethod AS method,
       c.castcontext AS context
FROM pg_cast c
LEFT JOIN pg_proc p ON p.oid = c.castfunc
LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE c.oid >= 16384
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_cast'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
