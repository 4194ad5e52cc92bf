-- A mark of the rows of every user table: its database, and for the table and each table under it
-- (partitions, inheritance children, whose rows a read of the table returns) the relation, its file,
-- its catalog row's version and how many rows were ever inserted, updated or deleted in it (the
-- statistics flushed, plus those of this session not yet flushed, its open transaction's included).
-- Those counts only grow, and a write that does not count (TRUNCATE, a rewrite) gives the relation a
-- new file; so an unchanged mark means unchanged rows.
WITH RECURSIVE tree(root, rel) AS (
    SELECT c.oid, c.oid
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
    UNION ALL
    SELECT t.root, i.inhrelid FROM tree t JOIN pg_inherits i ON i.inhparent = t.rel
)
SELECT n.nspname, c.relname,
       (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())::text || '/'
       || string_agg(r.oid::text || ':' || r.relfilenode::text || ':' || r.xmin::text || ':'
                     || (pg_stat_get_tuples_inserted(r.oid) + pg_stat_get_xact_tuples_inserted(r.oid)
                         + pg_stat_get_tuples_updated(r.oid) + pg_stat_get_xact_tuples_updated(r.oid)
                         + pg_stat_get_tuples_deleted(r.oid) + pg_stat_get_xact_tuples_deleted(r.oid))::text,
                     ',' ORDER BY r.oid)
  FROM tree t
  JOIN pg_class c ON c.oid = t.root
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_class r ON r.oid = t.rel
 GROUP BY n.nspname, c.relname
