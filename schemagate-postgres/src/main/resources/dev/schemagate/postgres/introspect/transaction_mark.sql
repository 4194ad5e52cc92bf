-- A mark inside an open transaction, from which transaction_changes.sql reads what the transaction
-- changed. One row per relation a snapshot reads or must not lose track of (tables, views,
-- materialized views, sequences, composite types, foreign tables) with its name and kind, then one
-- row of oid 0: which transaction this is (the backend and the moment it began), the transaction id
-- that marks this moment, whether the server counts writes (track_counts), and the counts the
-- changes are measured against: how many rows this transaction has written so far to each catalog
-- named by the second parameter (text[]; of pg_class and pg_attribute only the rows updated, since a
-- relation or column is added or removed only under a lock on its relation), then how many user types are neither a relation's row type nor
-- an array, and how many constraints belong to domains (a drop of either leaves no new row to find).
-- With the first parameter, the watermark of an earlier mark on this database (text, else null), only
-- the relations whose catalog row was written since are listed: a caller that kept the earlier list
-- adds them to it, and lists again in full when it then holds another number of relations than the
-- oid 0 row counts (one was dropped) or a schema was written since (its relations' names changed).
-- With the second as well (bigint[], else null), the earlier mark's transaction is the only one that
-- changed the schema since, and these are the relations it changed, as its own reading found them:
-- only they are looked up, nothing is scanned, and the oid 0 row counts no relations.
-- The oid 0 row also gives this mark's own watermark, its snapshot's xmin: a transaction not over
-- when the mark was taken has an id at or after it, so every row version written after has one too.
-- And it starts the transaction's log of DDL statements (ddl_log.sql, where installed) with its own
-- id, returned as log, and sets how many rows the transaction has written so far to the catalogs
-- the log accounts for.
WITH since AS (
    SELECT CAST(CAST(? AS text) AS xid) AS x, CAST(? AS bigint[]) AS changed
),
listed AS (
    SELECT c.oid, c.xmin, n.nspname, c.relname, c.relkind
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f')
      AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
      AND n.nspname <> 'information_schema'
)
SELECT l.oid::bigint AS oid, l.nspname AS schema, l.relname AS name, l.relkind::text AS kind,
       NULL::boolean AS counting, NULL::bigint[] AS counts, NULL::bigint AS relations, NULL::text AS watermark,
       NULL::boolean AS renamed, NULL::text AS log
FROM listed l
WHERE (SELECT changed FROM since) IS NULL
  AND ((SELECT x FROM since) IS NULL OR age(l.xmin) <= age((SELECT x FROM since)))
UNION ALL
SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, NULL, NULL, NULL, NULL, NULL, NULL
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY (CAST((SELECT changed FROM since) AS oid[]))
  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f')
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
UNION ALL
SELECT 0,
       pg_backend_pid()::text || ' ' || transaction_timestamp()::text,
       (coalesce(pg_current_xact_id_if_assigned(), pg_snapshot_xmax(pg_current_snapshot()))::text::numeric % 4294967296)::text,
       NULL,
       current_setting('track_counts')::boolean,
       (SELECT array_agg(coalesce(pg_stat_get_xact_tuples_updated(to_regclass(w.name))
                                  + CASE WHEN w.name IN ('pg_class', 'pg_attribute') THEN 0
                                         ELSE pg_stat_get_xact_tuples_inserted(to_regclass(w.name))
                                              + pg_stat_get_xact_tuples_deleted(to_regclass(w.name)) END, 0)
                         ORDER BY w.i)
          FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS w(name, i))
       || (SELECT count(*) FROM pg_type WHERE oid >= 16384 AND typtype <> 'c' AND typcategory <> 'A')
       || (SELECT count(*) FROM pg_constraint WHERE contypid <> 0),
       CASE WHEN (SELECT changed FROM since) IS NULL THEN (SELECT count(*) FROM listed) END,
       (pg_snapshot_xmin(pg_current_snapshot())::text::numeric % 4294967296)::text,
       EXISTS (SELECT FROM pg_namespace WHERE age(xmin) <= age((SELECT x FROM since))),
       (SELECT set_config('schemagate.ddl', i || '|', true)
        FROM (SELECT pg_backend_pid()::text || '.' || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS i) id
        WHERE set_config('schemagate.ddl_writes', (SELECT sum(pg_stat_get_xact_tuples_inserted(c) + pg_stat_get_xact_tuples_updated(c)
                                                                + pg_stat_get_xact_tuples_deleted(c))::text
                                                     FROM unnest('{pg_class,pg_attribute,pg_type,pg_constraint,pg_sequence}'::regclass[]) c), true) IS NOT NULL)
