-- A mark of the rows of every user table: its database, and for the table and each table under it
-- (partitions, inheritance children, whose rows a read of the table returns) the relation, its file,
-- its catalog row's version and how many rows were ever inserted, updated or deleted in it (the
-- statistics flushed, plus those of this session not yet flushed, its open transaction's included).
-- Those counts only grow, and a write that does not count (TRUNCATE, a rewrite) gives the relation a
-- new file; so an unchanged mark means unchanged rows.
-- Each relation's own part of a mark is computed once, in the one scan that lists the tables; a
-- table without children (most) is marked by its own part, and only one that has or had children
-- walks its tree.
-- The tables marked are @tables: every table (pg_class), or, inside an open transaction, only those it
-- may have written rows of (written_class), found first and then looked up one by one, so the cost
-- follows what the transaction wrote rather than the schema: those it holds a lock on for writing
-- (every statement that writes rows takes one, a cascade or a trigger too), and every table with a
-- parent or children, whose marks walk the tree.
WITH RECURSIVE written AS (
    SELECT l.relation AS oid
      FROM pg_locks l
     WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation'
       AND l.mode NOT IN ('AccessShareLock', 'RowShareLock')
    UNION
    SELECT i.inhrelid FROM pg_inherits i
    UNION
    SELECT i.inhparent FROM pg_inherits i
), written_class AS (
    SELECT p.oid, p.relkind, p.relname, p.relnamespace, p.relhassubclass, p.relfilenode, p.xmin
      FROM written k
      CROSS JOIN LATERAL (SELECT p.oid, p.relkind, p.relname, p.relnamespace, p.relhassubclass, p.relfilenode, p.xmin
                            FROM pg_class p WHERE p.oid = k.oid OFFSET 0) p
), own AS (
    SELECT c.oid, c.relkind, n.nspname, c.relname, c.relhassubclass,
           c.oid::text || ':' || c.relfilenode::text || ':' || c.xmin::text || ':'
           || (pg_stat_get_tuples_inserted(c.oid) + pg_stat_get_xact_tuples_inserted(c.oid)
               + pg_stat_get_tuples_updated(c.oid) + pg_stat_get_xact_tuples_updated(c.oid)
               + pg_stat_get_tuples_deleted(c.oid) + pg_stat_get_xact_tuples_deleted(c.oid))::text AS mark
      FROM @tables c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'f')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
), tree(root, rel) AS (
    SELECT oid, oid FROM own WHERE relhassubclass AND relkind IN ('r', 'p')
    UNION ALL
    SELECT t.root, i.inhrelid FROM tree t JOIN pg_inherits i ON i.inhparent = t.rel
)
SELECT t.nspname, t.relname,
       (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())::text || '/'
       || CASE WHEN t.relhassubclass
               THEN (SELECT string_agg(r.mark, ',' ORDER BY r.oid) FROM tree x JOIN own r ON r.oid = x.rel WHERE x.root = t.oid)
               ELSE t.mark END
  FROM own t
 WHERE t.relkind IN ('r', 'p')
