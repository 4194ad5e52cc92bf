-- The tables publications name, with the columns (empty for all) and the row filter (PostgreSQL 15+).
SELECT r.prpubid AS publication,
       n.nspname AS schema,
       c.relname AS name,
       {{pg15: ARRAY(SELECT a.attname FROM unnest(r.prattrs::int2[]) k(attnum)
                     JOIN pg_attribute a ON a.attrelid = r.prrelid AND a.attnum = k.attnum ORDER BY a.attnum)::text[] | NULL::text[]}} AS columns,
       {{pg15: pg_get_expr(r.prqual, r.prrelid) | NULL}} AS row_filter
FROM pg_publication_rel r
JOIN pg_class c ON c.oid = r.prrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
