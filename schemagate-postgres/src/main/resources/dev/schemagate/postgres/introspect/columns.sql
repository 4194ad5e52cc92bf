-- Columns of tables, views, materialized views and composite types, in position order. A default cannot
-- read columns, so it is deparsed without its table (relation 0), which spares the server opening each table.
-- The read starts from the user relations (oids from 16384, through pg_class's index) and reaches their
-- columns, defaults and identity sequences through the catalogs' indexes, so its cost follows the user's
-- schema rather than the system catalog's thousands of columns.
{{scoped: WITH scope_relations AS (
    SELECT ARRAY(SELECT unnest(@scope)
                 UNION SELECT confrelid FROM pg_constraint WHERE conrelid = ANY (@scope) AND contype = 'f') AS oids
)
}}SELECT a.attrelid AS relation,
       a.attnum AS position,
       a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN a.attcollation <> t.typcollation THEN
           (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
       END AS collation,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0) END AS default_expression,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated_expression,
       a.attidentity AS identity,
       ident.relname AS identity_sequence,
       format_type(ident.seqtypid, NULL) AS identity_type,
       ident.seqstart AS identity_start,
       ident.seqincrement AS identity_increment,
       ident.seqmin AS identity_min,
       ident.seqmax AS identity_max,
       ident.seqcache AS identity_cache,
       ident.seqcycle AS identity_cycle,
       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END AS statistics_target,
       CASE WHEN a.attstorage <> t.typstorage THEN
           CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END
       END AS storage,
       {{pg14: CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END | NULL::text}} AS compression,
       a.attoptions AS options
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
-- an identity column's sequence; one without its sequence is left out. OFFSET 0 keeps the subquery apart, so
-- its test of attidentity runs before the lookup and pg_depend is read for identity columns only.
LEFT JOIN LATERAL (
    SELECT sc.oid, sc.relname, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
    FROM pg_depend sd
    JOIN pg_class sc ON sc.oid = sd.objid AND sc.relkind = 'S'
    LEFT JOIN pg_sequence s ON s.seqrelid = sc.oid
    WHERE a.attidentity <> '' AND sd.refclassid = 'pg_class'::regclass AND sd.refobjid = a.attrelid
      AND sd.refobjsubid = a.attnum AND sd.classid = 'pg_class'::regclass AND sd.deptype = 'i'
    OFFSET 0
) ident ON true
WHERE c.oid >= 16384
  AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
  {{scoped: AND c.oid = ANY (CAST((SELECT oids FROM scope_relations) AS oid[]))}}
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND (a.attidentity = '' OR ident.oid IS NOT NULL)
ORDER BY a.attrelid, a.attnum
