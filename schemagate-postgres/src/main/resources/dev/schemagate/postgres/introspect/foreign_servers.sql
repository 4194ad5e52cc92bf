-- Foreign servers outside extensions: their wrapper, type, version and options.
SELECT s.oid,
       s.srvname AS name,
       w.fdwname AS wrapper,
       s.srvtype AS type,
       s.srvversion AS version,
       s.srvoptions AS options,
       pg_get_userbyid(s.srvowner) AS owner
FROM pg_foreign_server s
JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_foreign_server'::regclass AND e.objid = s.oid AND e.deptype = 'e')
