-- Stand-alone sequences (identity sequences belong to their columns) and their OWNED BY column. A
-- scoped read reads only the sequences of its scope: a sequence's definition is its pg_class and
-- pg_sequence rows, which change (and so mark it changed) whenever it does; its value is data.
SELECT c.oid,
       n.nspname AS schema,
       c.relname AS name,
       format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle,
       pg_get_userbyid(c.relowner) AS owner,
       tn.nspname AS owner_table_schema,
       tc.relname AS owner_table,
       ta.attname AS owner_column
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class tc ON tc.oid = d.refobjid
LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
WHERE c.relkind = 'S'
  {{scoped: AND c.oid = ANY (@scope)}}
  AND d.deptype IS DISTINCT FROM 'i'
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
