-- What changed since a mark (a transaction id, which the setting schemagate.pulse holds: without a
-- parameter, the query is planned once per connection), read cheaply from the catalog's own
-- row versions: a row written since the mark has an xmin at or after it. One row per relation
-- (tables, views, materialized views, sequences) with how many catalog rows describe the parts that
-- can go while it stays (defaults, constraints, indexes, triggers, policies, rules, parents, comments)
-- and whether any row describing it is new (those, its own, its row type, columns, its indexes' own
-- rows, sequence options, partition key). Rows that go only with their relation or index (its own,
-- its row type, its columns: a dropped column stays as a row; an index's own row) are not counted,
-- only looked at for a new version, so the pulse groups no column of the schema. Then one row of
-- oid 0 for everything else a snapshot reads (schemas, types, routines, extensions, ...): how many
-- rows each catalog holds, the roles, whether any row is new, and the next mark. Objects of the
-- system (oids below 16384), which a snapshot does not read, are left out where an index finds the
-- others.
WITH mark AS (
    SELECT CAST(current_setting('schemagate.pulse') AS xid) AS x
),
rels AS (
    SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltype, c.xmin
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
      AND n.nspname <> 'information_schema'
),
described AS (
    SELECT coalesce(i.indrelid, nullif(co.conrelid, 0), tg.tgrelid, po.polrelid,
                    CASE WHEN d.classoid = 'pg_class'::regclass AND co.oid IS NULL THEN d.objoid END) AS rel,
           d.xmin
    FROM pg_description d
    LEFT JOIN pg_index i ON d.classoid = 'pg_class'::regclass AND i.indexrelid = d.objoid
    LEFT JOIN pg_constraint co ON d.classoid = 'pg_constraint'::regclass AND co.oid = d.objoid
    LEFT JOIN pg_trigger tg ON d.classoid = 'pg_trigger'::regclass AND tg.oid = d.objoid
    LEFT JOIN pg_policy po ON d.classoid = 'pg_policy'::regclass AND po.oid = d.objoid
    WHERE d.objoid >= 16384 OR d.classoid IN ('pg_namespace'::regclass, 'pg_extension'::regclass)
),
parts AS (
    SELECT adrelid AS rel, xmin FROM pg_attrdef
    UNION ALL SELECT conrelid, xmin FROM pg_constraint WHERE conrelid <> 0
    UNION ALL SELECT indrelid, xmin FROM pg_index WHERE indrelid >= 16384
    UNION ALL SELECT tgrelid, xmin FROM pg_trigger
    UNION ALL SELECT polrelid, xmin FROM pg_policy
    UNION ALL SELECT ev_class, xmin FROM pg_rewrite WHERE ev_class >= 16384
    UNION ALL SELECT inhrelid, xmin FROM pg_inherits
    UNION ALL SELECT rel, xmin FROM described WHERE rel IS NOT NULL
),
fresh AS (
    SELECT oid AS rel FROM rels WHERE age(xmin) <= age((SELECT x FROM mark))
    UNION SELECT r.oid FROM rels r JOIN pg_type t ON t.oid = r.reltype WHERE age(t.xmin) <= age((SELECT x FROM mark))
    UNION SELECT r.oid FROM rels r JOIN pg_type rt ON rt.oid = r.reltype JOIN pg_type t ON t.oid = rt.typarray
          WHERE age(t.xmin) <= age((SELECT x FROM mark))
    UNION SELECT attrelid FROM pg_attribute WHERE attrelid >= 16384 AND age(xmin) <= age((SELECT x FROM mark))
    UNION SELECT i.indrelid FROM pg_class ic JOIN pg_index i ON i.indexrelid = ic.oid
          WHERE ic.relkind IN ('i', 'I') AND ic.oid >= 16384 AND age(ic.xmin) <= age((SELECT x FROM mark))
    UNION SELECT seqrelid FROM pg_sequence WHERE age(xmin) <= age((SELECT x FROM mark))
    UNION SELECT partrelid FROM pg_partitioned_table WHERE age(xmin) <= age((SELECT x FROM mark))
),
others AS (
    SELECT 'pg_type' AS catalog, t.xmin
    FROM pg_type t
    LEFT JOIN pg_type u ON u.oid = CASE WHEN t.typelem <> 0 THEN t.typelem ELSE t.oid END
    LEFT JOIN pg_class c ON c.oid = u.typrelid AND c.relkind NOT IN ('c', 'f')
    WHERE c.oid IS NULL AND t.oid >= 16384
    UNION ALL SELECT 'pg_class', xmin FROM pg_class WHERE relkind IN ('c', 'f') AND oid >= 16384
    UNION ALL SELECT 'pg_attribute', a.xmin FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
              WHERE c.relkind IN ('c', 'f') AND c.oid >= 16384
    UNION ALL SELECT 'pg_constraint', xmin FROM pg_constraint WHERE conrelid = 0 AND oid >= 16384
    UNION ALL SELECT 'pg_description', d.xmin FROM described d WHERE d.rel IS NULL OR NOT EXISTS (SELECT FROM rels r WHERE r.oid = d.rel)
    UNION ALL SELECT 'pg_depend', xmin FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
    UNION ALL SELECT 'pg_namespace', xmin FROM pg_namespace
    UNION ALL SELECT 'pg_enum', xmin FROM pg_enum
    UNION ALL SELECT 'pg_range', xmin FROM pg_range WHERE rngtypid >= 16384
    UNION ALL SELECT 'pg_proc', xmin FROM pg_proc WHERE oid >= 16384
    UNION ALL SELECT 'pg_aggregate', xmin FROM pg_aggregate WHERE aggfnoid >= 16384
    UNION ALL SELECT 'pg_extension', xmin FROM pg_extension
    UNION ALL SELECT 'pg_collation', xmin FROM pg_collation WHERE oid >= 16384
    UNION ALL SELECT 'pg_event_trigger', xmin FROM pg_event_trigger
    UNION ALL SELECT 'pg_operator', xmin FROM pg_operator WHERE oid >= 16384
    UNION ALL SELECT 'pg_opclass', xmin FROM pg_opclass WHERE oid >= 16384
    UNION ALL SELECT 'pg_opfamily', xmin FROM pg_opfamily WHERE oid >= 16384
    UNION ALL SELECT 'pg_cast', xmin FROM pg_cast WHERE oid >= 16384
    UNION ALL SELECT 'pg_conversion', xmin FROM pg_conversion WHERE oid >= 16384
    UNION ALL SELECT 'pg_language', xmin FROM pg_language WHERE oid >= 16384
    UNION ALL SELECT 'pg_transform', xmin FROM pg_transform WHERE oid >= 16384
    UNION ALL SELECT 'pg_am', xmin FROM pg_am WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_config', xmin FROM pg_ts_config WHERE oid >= 16384
    UNION ALL SELECT 'pg_ts_dict', xmin FROM pg_ts_dict WHERE oid >= 16384
    UNION ALL SELECT 'pg_foreign_data_wrapper', xmin FROM pg_foreign_data_wrapper
    UNION ALL SELECT 'pg_foreign_server', xmin FROM pg_foreign_server
    UNION ALL SELECT 'pg_foreign_table', xmin FROM pg_foreign_table
    UNION ALL SELECT 'pg_default_acl', xmin FROM pg_default_acl
    UNION ALL SELECT 'pg_statistic_ext', xmin FROM pg_statistic_ext
    UNION ALL SELECT 'pg_publication', xmin FROM pg_publication
    UNION ALL SELECT 'pg_publication_rel', xmin FROM pg_publication_rel
    {{pg15: UNION ALL SELECT 'pg_publication_namespace', xmin FROM pg_publication_namespace | }}
),
counted AS (
    SELECT catalog, count(*) AS n, bool_or(age(xmin) <= age((SELECT x FROM mark))) AS new
    FROM others
    GROUP BY catalog
)
SELECT r.oid::bigint AS oid, r.nspname AS schema, r.relname AS name, r.relkind::text AS kind,
       coalesce(p.n, 0) AS parts, coalesce(p.new, false) OR f.rel IS NOT NULL AS changed
FROM rels r
LEFT JOIN (SELECT rel, count(*) AS n, bool_or(age(xmin) <= age((SELECT x FROM mark))) AS new
           FROM parts GROUP BY rel) p ON p.rel = r.oid
LEFT JOIN fresh f ON f.rel = r.oid
UNION ALL
SELECT 0,
       (coalesce(pg_current_xact_id_if_assigned(), pg_snapshot_xmax(pg_current_snapshot()))::text::numeric % 4294967296)::text,
       (SELECT string_agg(catalog || ' ' || n, ',' ORDER BY catalog) FROM counted)
           || ' roles ' || (SELECT md5(string_agg(oid::text || ' ' || rolname, ',' ORDER BY oid)) FROM pg_roles),
       'w', 0, (SELECT bool_or(new) FROM counted)
