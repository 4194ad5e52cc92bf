-- What the open transaction changed since a mark taken in it (transaction_mark.sql), without reading
-- the whole catalog. PostgreSQL locks every relation whose definition a statement changes, in a
-- mode stronger than a read's or a row write's (a table to add or drop a column, default,
-- constraint, index, trigger, policy or rule, to comment on it or any part of it; every relation it
-- creates or deletes), and keeps the lock until the transaction ends; a comment on or a drop of any
-- other object locks that object. Writes that take no lock are found from the rows written since the
-- mark (a GRANT rewrites a pg_class or pg_attribute row), read only in the catalogs written since.
-- Where the transaction's log of DDL statements (ddl_log.sql) accounts for every catalog row written
-- since the mark, the relations, types and constraints it names are looked up instead of scanning
-- the catalogs, so the reading's cost follows the statements, not the schema.
-- Parameters: the mark's transaction id, the catalogs counted (text[]) and the mark's counts, each
-- counted as transaction_mark.sql counts it, and the log's start the mark returned.
-- Returns a row per relation to read again (its kind now; null when it is gone), the table of an index
-- among them too (a change to an index may lock it alone), and a row of oid 0:
-- the transaction, and whether anything beyond relations changed (then the whole schema is read).
WITH mark AS (
    SELECT CAST(CAST(? AS text) AS xid) AS x, CAST(? AS text[]) AS names, CAST(? AS bigint[]) AS counts,
           CAST(? AS text) AS log
),
logged AS MATERIALIZED (
    SELECT starts_with(s.l, m.log) AND strpos(s.l, '?') = 0
           AND current_setting('schemagate.ddl_writes', true)
               = (SELECT sum(pg_stat_get_xact_tuples_inserted(c) + pg_stat_get_xact_tuples_updated(c)
                             + pg_stat_get_xact_tuples_deleted(c))::text
                  FROM unnest('{pg_class,pg_attribute,pg_type,pg_constraint,pg_sequence}'::regclass[]) c) AS usable,
           substr(s.l, length(m.log) + 1) AS entries
    FROM mark m
    CROSS JOIN (SELECT coalesce(current_setting('schemagate.ddl', true), '') AS l) s
),
logged_objects AS (
    SELECT left(e.entry, 1) AS kind, CAST(substr(e.entry, 2) AS oid) AS oid
    FROM logged l
    CROSS JOIN LATERAL unnest(string_to_array(l.entries, ' ')) AS e(entry)
    WHERE l.usable AND e.entry ~ '^[rtc][0-9]+$'
),
unlogged AS (
    SELECT FROM logged WHERE usable IS NOT TRUE
),
written AS (
    SELECT w.name
    FROM mark m
    CROSS JOIN LATERAL unnest(m.names) WITH ORDINALITY AS w(name, i)
    WHERE coalesce(pg_stat_get_xact_tuples_updated(to_regclass(w.name))
                   + CASE WHEN w.name IN ('pg_class', 'pg_attribute') THEN 0
                          ELSE pg_stat_get_xact_tuples_inserted(to_regclass(w.name))
                               + pg_stat_get_xact_tuples_deleted(to_regclass(w.name)) END, 0) <> m.counts[w.i]
),
held AS MATERIALIZED (
    SELECT l.locktype, l.relation, l.classid, l.objid
    FROM pg_locks l
    WHERE l.pid = pg_backend_pid() AND l.granted
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.mode NOT IN ('AccessShareLock', 'RowShareLock', 'RowExclusiveLock')
),
fresh_types AS (
    SELECT t.typrelid, t.typtype, t.typcategory
    FROM pg_type t
    WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_type')
      AND t.oid >= 16384 AND age(t.xmin) <= age((SELECT x FROM mark))
    UNION ALL
    SELECT t.typrelid, t.typtype, t.typcategory
    FROM logged_objects o
    JOIN pg_type t ON t.oid = o.oid
    WHERE o.kind = 't'
),
fresh_constraints AS (
    SELECT co.conrelid
    FROM pg_constraint co
    WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_constraint')
      AND co.oid >= 16384 AND age(co.xmin) <= age((SELECT x FROM mark))
    UNION ALL
    SELECT co.conrelid
    FROM logged_objects o
    JOIN pg_constraint co ON co.oid = o.oid
    WHERE o.kind = 'c'
),
touched AS (
    SELECT relation AS rel FROM held WHERE locktype = 'relation' AND relation >= 16384
    UNION
    SELECT c.oid FROM pg_class c
    WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_class')
      AND c.oid >= 16384 AND age(c.xmin) <= age((SELECT x FROM mark))
    UNION
    SELECT a.attrelid FROM pg_attribute a
    WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_attribute')
      AND a.attrelid >= 16384 AND age(a.xmin) <= age((SELECT x FROM mark))
    UNION
    SELECT s.seqrelid FROM pg_sequence s
    WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_sequence') AND age(s.xmin) <= age((SELECT x FROM mark))
    UNION
    SELECT oid FROM logged_objects WHERE kind = 'r' AND oid >= 16384
    UNION
    SELECT typrelid FROM fresh_types WHERE typrelid <> 0
    UNION
    SELECT conrelid FROM fresh_constraints WHERE conrelid <> 0
),
beyond AS (
    SELECT FROM written
    WHERE name NOT IN ('pg_class', 'pg_attribute', 'pg_type', 'pg_constraint', 'pg_sequence')
    UNION ALL
    SELECT FROM fresh_types WHERE typtype <> 'c' AND typcategory <> 'A'
    UNION ALL
    SELECT FROM fresh_constraints WHERE conrelid = 0
    UNION ALL
    SELECT FROM logged WHERE usable AND strpos(entries, '!') > 0
    UNION ALL
    SELECT WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_type')
      AND (SELECT count(*) FROM pg_type WHERE oid >= 16384 AND typtype <> 'c' AND typcategory <> 'A')
          <> (SELECT counts[cardinality(names) + 1] FROM mark)
    UNION ALL
    SELECT WHERE EXISTS (SELECT FROM unlogged) AND EXISTS (SELECT FROM written WHERE name = 'pg_constraint')
      AND (SELECT count(*) FROM pg_constraint WHERE contypid <> 0) <> (SELECT counts[cardinality(names) + 2] FROM mark)
    UNION ALL
    SELECT FROM held h
    LEFT JOIN pg_type t ON h.classid = 'pg_type'::regclass AND t.oid = h.objid
    LEFT JOIN pg_constraint co ON h.classid = 'pg_constraint'::regclass AND co.oid = h.objid
    WHERE h.locktype = 'object'
      AND (h.classid NOT IN ('pg_type'::regclass, 'pg_constraint'::regclass, 'pg_attrdef'::regclass,
                             'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_rewrite'::regclass)
           OR (t.oid IS NOT NULL AND t.typcategory <> 'A'
               AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
           OR co.contypid <> 0)
)
SELECT t.rel::bigint AS oid, c.relkind::text AS kind, NULL::text AS transaction, NULL::boolean AS beyond
FROM touched t
LEFT JOIN LATERAL (SELECT relkind, relnamespace FROM pg_class WHERE oid = t.rel OFFSET 0) c ON true
WHERE c.relnamespace IS DISTINCT FROM 'pg_toast'::regnamespace
UNION ALL
SELECT i.indrelid::bigint, i.kind, NULL, NULL
FROM touched t
CROSS JOIN LATERAL (SELECT i.indrelid, c.relkind::text AS kind
                    FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indrelid
                    WHERE i.indexrelid = t.rel AND c.relnamespace <> 'pg_toast'::regnamespace OFFSET 0) i
UNION ALL
SELECT 0, NULL, pg_backend_pid()::text || ' ' || transaction_timestamp()::text, EXISTS (SELECT FROM beyond)
