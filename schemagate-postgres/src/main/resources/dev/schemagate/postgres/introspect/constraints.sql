-- Primary key, unique, foreign key, check and exclusion constraints of tables. Key columns come as
-- positions, which the reader names from the columns it read (a subquery per row would cost more).
SELECT co.oid,
       co.conrelid AS relation,
       co.conname AS name,
       co.contype AS kind,
       pg_get_constraintdef(co.oid) AS definition,
       co.conkey AS columns,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       co.confrelid AS referenced_relation,
       co.confkey AS referenced_columns,
       co.confupdtype AS on_update,
       co.confdeltype AS on_delete,
       co.confmatchtype AS match_type,
       co.condeferrable AS deferrable,
       co.condeferred AS deferred,
       co.convalidated AS validated,
       co.contype = 'c' AND co.connoinherit AS no_inherit,
       {{pg15: coalesce(i.indnullsnotdistinct, false) | false}} AS nulls_not_distinct,
       NOT co.conislocal AS inherited
FROM pg_constraint co
JOIN pg_class c ON c.oid = co.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = co.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_index i ON i.indexrelid = co.conindid AND co.contype = 'u'
WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
  {{scoped: AND co.conrelid = ANY (@scope)}}
  AND c.relkind IN ('r', 'p')
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
