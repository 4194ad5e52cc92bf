-- Moves the unused sequences that feed columns of the given tables (serial and identity) ahead of
-- their start, so seeded rows get ids that a table rebuilt with a fresh sequence would not hand
-- out again. Sequences already used, counting down, or too narrow are left alone.
SELECT setval(s.oid, ps.seqstart + ?, false)
  FROM pg_class s
  JOIN pg_sequence ps ON ps.seqrelid = s.oid
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
 WHERE d.refobjid = ANY (?::regclass[])
   AND ps.seqincrement > 0
   AND s.relkind = 'S'
   AND CASE WHEN s.relkind = 'S' THEN pg_sequence_last_value(s.oid) IS NULL END
   AND ps.seqmax - ps.seqstart > ? * 10
