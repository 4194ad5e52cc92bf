-- Row-level security policies.
SELECT pol.oid,
       pol.polrelid AS relation,
       pol.polname AS name,
       pol.polpermissive AS permissive,
       CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                       ELSE 'ALL' END AS command,
       ARRAY(SELECT CASE WHEN r.role = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r.role) END
             FROM unnest(pol.polroles) r(role)) AS roles,
       pg_get_expr(pol.polqual, pol.polrelid) AS using_expression,
       pg_get_expr(pol.polwithcheck, pol.polrelid) AS check_expression
FROM pg_policy pol
{{scoped: WHERE pol.polrelid = ANY (@scope)}}
