-- User triggers of tables and views (not the internal ones behind foreign keys).
SELECT t.oid,
       t.tgrelid AS relation,
       t.tgname AS name,
       t.tgtype AS type,
       ARRAY(SELECT a.attname FROM unnest(t.tgattr::int2[]) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
       quote_ident(pn.nspname) || '.' || quote_ident(p.proname) AS function,
       t.tgenabled AS enabled,
       t.tgconstraint <> 0 AS constraint,
       {{pg13: t.tgparentid <> 0 | false}} AS inherited,
       pg_get_triggerdef(t.oid) AS definition
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT t.tgisinternal
  {{scoped: AND t.tgrelid = ANY (@scope)}}
  AND n.nspname !~ '^pg_(catalog$|toast|temp_)'
  AND n.nspname <> 'information_schema'
