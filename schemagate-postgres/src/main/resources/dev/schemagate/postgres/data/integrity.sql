-- Integrity problems only the data shows, in one round trip. Each row: kind, table, object, detail.
-- query_to_xml runs a query built per object (a column or table name is not a parameter), so one
-- statement covers every sequence and every unvalidated foreign key. @locked_only (true or false, one
-- statement each, so each is planned once) says whether to look only at what the open transaction
-- locked: rows, and a sequence's position, change only
-- under a lock on their relation, so a problem the transaction made is on a relation it locked, and
-- a read after each migration need not read every table's max() again.
WITH locked AS (
    SELECT l.relation
      FROM pg_locks l
     WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation'
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
), scope AS (
    SELECT @locked_only AS locked_only
), candidates AS (
    -- every sequence, or only those locked or owned by a locked table: read from the locks, not from
    -- every sequence of the schema
    SELECT c.oid FROM pg_class c WHERE c.relkind = 'S' AND NOT (SELECT locked_only FROM scope)
    UNION
    SELECT l.relation FROM locked l WHERE (SELECT locked_only FROM scope)
    UNION
    SELECT d.objid
      FROM locked l
      JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = l.relation
                      AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     WHERE (SELECT locked_only FROM scope)
), owned AS (
    SELECT s.oid AS seq, s.relkind AS kind, d.refobjid AS tbl, a.attname AS col, ps.seqincrement AS inc,
           ps.seqstart AS start
      FROM candidates k
      JOIN pg_class s ON s.oid = k.oid
      JOIN pg_sequence ps ON ps.seqrelid = s.oid
      JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                      AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      JOIN pg_namespace n ON n.oid = s.relnamespace
     WHERE s.relkind = 'S' AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND (NOT (SELECT locked_only FROM scope) OR s.oid IN (SELECT relation FROM locked)
            OR d.refobjid IN (SELECT relation FROM locked))
), sequences AS (
    SELECT o.*, coalesce(CASE WHEN o.kind = 'S' THEN pg_sequence_last_value(o.seq) END + o.inc, o.start) AS next_value,
           (xpath('/row/m/text()', query_to_xml(format('SELECT max(%I) AS m FROM %s', o.col, o.tbl::regclass),
                                                 false, true, '')))[1]::text::numeric AS highest
      FROM owned o
     WHERE o.inc > 0
), unvalidated AS (
    SELECT c.conname, c.conrelid, c.confrelid,
           (SELECT string_agg(format('c.%I IS NOT NULL', ca.attname), ' AND ')
              FROM unnest(c.conkey) k(n) JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.n) AS present,
           (SELECT string_agg(format('p.%I IS NOT DISTINCT FROM c.%I', pa.attname, ca.attname), ' AND ')
              FROM unnest(c.conkey, c.confkey) k(ck, fk)
              JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck
              JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.fk) AS matches
      FROM pg_constraint c
     WHERE c.contype = 'f' AND NOT c.convalidated
       AND (NOT (SELECT locked_only FROM scope) OR c.conrelid IN (SELECT relation FROM locked)
            OR c.confrelid IN (SELECT relation FROM locked))
), orphans AS (
    SELECT u.*, (xpath('/row/n/text()', query_to_xml(
               format('SELECT count(*) AS n FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)',
                      u.conrelid::regclass, u.present, u.confrelid::regclass, u.matches),
               false, true, '')))[1]::text::bigint AS orphans
      FROM unvalidated u
)
SELECT 'SEQUENCE_BEHIND', n.nspname, t.relname, s.seq::regclass::text,
       format('next value %s, column %I already holds %s', s.next_value, s.col, s.highest)
  FROM sequences s JOIN pg_class t ON t.oid = s.tbl JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE s.highest >= s.next_value
UNION ALL
SELECT 'FOREIGN_KEY_ORPHANS', n.nspname, t.relname, o.conname,
       format('%s rows reference no row of %s', o.orphans, o.confrelid::regclass)
  FROM orphans o JOIN pg_class t ON t.oid = o.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE o.orphans > 0
ORDER BY 1, 2, 3, 4
