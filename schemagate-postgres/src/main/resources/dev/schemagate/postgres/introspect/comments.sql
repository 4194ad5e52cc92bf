-- Comments on user objects; the reader attaches each to the object it found with that oid. Users' objects
-- have oids from 16384, which pg_description's index finds without reading the thousands of comments
-- on built-in objects; schemas and extensions are looked up by their oids, as the built-in ones
-- (public, plpgsql) may carry a comment of the user's.
SELECT d.classoid::regclass::text AS catalog,
       d.objoid AS oid,
       d.objsubid AS position,
       d.description AS comment
FROM pg_description d
WHERE d.objoid >= 16384
UNION ALL
SELECT d.classoid::regclass::text, d.objoid, d.objsubid, d.description
FROM pg_namespace x
JOIN pg_description d ON d.objoid = x.oid AND d.classoid = 'pg_namespace'::regclass
WHERE x.oid < 16384
UNION ALL
SELECT d.classoid::regclass::text, d.objoid, d.objsubid, d.description
FROM pg_extension x
JOIN pg_description d ON d.objoid = x.oid AND d.classoid = 'pg_extension'::regclass
WHERE x.oid < 16384
