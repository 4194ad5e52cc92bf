-- Foreign-data wrappers outside extensions, with their functions and options.
SELECT w.oid,
       w.fdwname AS name,
       CASE WHEN h.oid IS NOT NULL THEN quote_ident(hn.nspname) || '.' || quote_ident(h.proname) END AS handler,
       CASE WHEN v.oid IS NOT NULL THEN quote_ident(vn.nspname) || '.' || quote_ident(v.proname) END AS validator,
       w.fdwoptions AS options,
       pg_get_userbyid(w.fdwowner) AS owner
FROM pg_foreign_data_wrapper w
LEFT JOIN pg_proc h ON h.oid = w.fdwhandler
LEFT JOIN pg_namespace hn ON hn.oid = h.pronamespace
LEFT JOIN pg_proc v ON v.oid = w.fdwvalidator
LEFT JOIN pg_namespace vn ON vn.oid = v.pronamespace
WHERE NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_foreign_data_wrapper'::regclass AND e.objid = w.oid AND e.deptype = 'e')
