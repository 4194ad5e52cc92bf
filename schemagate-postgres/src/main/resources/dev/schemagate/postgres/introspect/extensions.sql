-- Installed extensions with their versions.
SELECT x.oid,
       x.extname AS name,
       n.nspname AS schema,
       x.extversion AS version
FROM pg_extension x
JOIN pg_namespace n ON n.oid = x.extnamespace
