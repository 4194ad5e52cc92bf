-- Indexes of tables and materialized views, constraint indexes included, with their keys taken apart.
SELECT i.indexrelid AS oid,
       i.indrelid AS relation,
       ic.relname AS name,
       i.indisunique AS unique,
       {{pg15: i.indnullsnotdistinct | false}} AS nulls_not_distinct,
       am.amname AS method,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnkeyatts) k) AS key_expressions,
       ARRAY(SELECT CASE WHEN NOT oc.opcdefault THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END
             FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(opclass, ord)
             JOIN pg_opclass oc ON oc.oid = k.opclass JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
             ORDER BY k.ord) AS key_opclasses,
       ARRAY(SELECT CASE WHEN k.coll <> 0 AND k.coll IS DISTINCT FROM a.attcollation
                          AND (i.indkey[k.ord - 1] <> 0 OR k.coll <> 100) THEN
                 (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                  FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = k.coll)
             END
             FROM unnest(i.indcollation::oid[]) WITH ORDINALITY k(coll, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1]
             ORDER BY k.ord) AS key_collations,
       i.indoption::int2[] AS key_options,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(i.indnkeyatts + 1, i.indnatts) k) AS include,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       i.indisvalid AS valid,
       pg_get_indexdef(i.indexrelid) AS definition,
       (SELECT co.conname FROM pg_constraint co
        WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')) AS constraint,
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
LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
