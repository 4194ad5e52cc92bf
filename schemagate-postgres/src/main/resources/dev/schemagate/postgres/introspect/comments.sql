-- Comments on user objects; the reader attaches each to the object it found with that oid.
SELECT d.classoid::regclass::text AS catalog,
       d.objoid AS oid,
       d.objsubid AS position,
       d.description AS comment
FROM pg_description d
WHERE d.objoid >= 16384
   OR d.classoid IN ('pg_namespace'::regclass, 'pg_extension'::regclass)
