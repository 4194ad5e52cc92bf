-- Indexes of tables and materialized views, constraint indexes included, with their keys taken apart.
-- The definition of an index a constraint creates is the constraint's, so it is not deparsed twice.
SELECT i.indexrelid AS oid,
       i.indrelid AS relation,
       ic.relname AS name,
       i.indisunique AS unique,
       {{pg15: i.indnullsnotdistinct | false}} AS nulls_not_distinct,
       am.amname AS method,
       k.expressions AS key_expressions,
       k.opclasses AS key_opclasses,
       k.collations AS key_collations,
       i.indoption::int2[] AS key_options,
       k.include,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       i.indisvalid AS valid,
       CASE WHEN con.conname IS NULL THEN pg_get_indexdef(i.indexrelid) END AS definition,
       con.conname AS constraint,
       pn.nspname AS parent_schema,
       pc.relname AS parent_name,
       ic.reloptions AS options,
       i.indisreplident AS replica_identity,
       i.indisclustered AS clustered
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                          AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
CROSS JOIN LATERAL (
    -- one row per index column: plain columns by name, expressions deparsed; non-default opclasses and
    -- collations (the key columns' only). Read whole, the catalogs are joined by hash, once for all
    -- indexes; read scoped, each part is looked up by its key (a subquery the planner may not merge),
    -- since hashing every operator class and collation for a few indexes cost more than the lookups,
    -- and the lookups for every index of a large schema cost more than the hashing.
{{whole:
    SELECT array_agg(CASE WHEN i.indkey[n] = 0 THEN pg_get_indexdef(i.indexrelid, n + 1, false) ELSE a.attname::text END
                     ORDER BY n) FILTER (WHERE n < i.indnkeyatts) AS expressions,
           array_agg(CASE WHEN NOT oc.opcdefault THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END
                     ORDER BY n) FILTER (WHERE n < i.indnkeyatts) AS opclasses,
           array_agg(CASE WHEN i.indcollation[n] <> 0 AND i.indcollation[n] IS DISTINCT FROM a.attcollation
                               AND (i.indkey[n] <> 0 OR i.indcollation[n] <> 100)
                          THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                     ORDER BY n) FILTER (WHERE n < i.indnkeyatts) AS collations,
           array_agg(a.attname::text ORDER BY n) FILTER (WHERE n >= i.indnkeyatts) AS include
    FROM generate_series(0, i.indnatts - 1) n
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[n]
    LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[n]
    LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
    LEFT JOIN pg_collation co ON co.oid = i.indcollation[n]
    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
}}{{scoped:
    SELECT array_agg(CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.n::int, false) ELSE a.attname::text END
                     ORDER BY k.n) FILTER (WHERE k.n <= i.indnkeyatts) AS expressions,
           array_agg(oc.name ORDER BY k.n) FILTER (WHERE k.n <= i.indnkeyatts) AS opclasses,
           array_agg(CASE WHEN k.coll <> 0 AND k.coll IS DISTINCT FROM a.attcollation
                               AND (k.attnum <> 0 OR k.coll <> 100)
                          THEN co.name END
                     ORDER BY k.n) FILTER (WHERE k.n <= i.indnkeyatts) AS collations,
           array_agg(a.attname::text ORDER BY k.n) FILTER (WHERE k.n > i.indnkeyatts) AS include
    FROM unnest(i.indkey::int2[], i.indclass::oid[], i.indcollation::oid[]) WITH ORDINALITY AS k(attnum, opclass, coll, n)
    LEFT JOIN LATERAL (SELECT a.attname, a.attcollation FROM pg_attribute a
                       WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum OFFSET 0) a ON true
    LEFT JOIN LATERAL (SELECT CASE WHEN NOT oc.opcdefault THEN quote_ident(ns.nspname) || '.' || quote_ident(oc.opcname) END AS name
                       FROM pg_opclass oc JOIN pg_namespace ns ON ns.oid = oc.opcnamespace
                       WHERE oc.oid = k.opclass OFFSET 0) oc ON true
    LEFT JOIN LATERAL (SELECT quote_ident(ns.nspname) || '.' || quote_ident(co.collname) AS name
                       FROM pg_collation co JOIN pg_namespace ns ON ns.oid = co.collnamespace
                       WHERE co.oid = k.coll OFFSET 0) co ON true
}}) k
WHERE c.relkind IN ('r', 'p', 'm')
  {{scoped: AND i.indrelid = ANY (@scope)}}
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
