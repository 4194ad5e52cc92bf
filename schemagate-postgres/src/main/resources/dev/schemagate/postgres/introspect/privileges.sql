-- Access control lists that differ from the defaults for their kind of object: what was granted beyond
-- the defaults and which defaults were revoked. The grantor is not recorded. A scoped read reads
-- those of the scope's relations and their columns only (it reads no schema, routine or type).
WITH acls AS (
    SELECT 'pg_namespace' AS catalog, oid, 0 AS position, nspacl AS acl, acldefault('n'::"char", nspowner) AS defaults
    FROM pg_namespace WHERE nspacl IS NOT NULL {{scoped: AND false}}
    UNION ALL
    SELECT 'pg_class', oid, 0, relacl, acldefault(CASE WHEN relkind = 'S' THEN 's' ELSE 'r' END::"char", relowner)
    FROM pg_class WHERE relacl IS NOT NULL AND oid >= 16384 {{scoped: AND oid = ANY (@scope)}}
    UNION ALL
    SELECT 'pg_class', attrelid, attnum, attacl, NULL::aclitem[]
    FROM pg_attribute WHERE attacl IS NOT NULL AND attrelid >= 16384 {{scoped: AND attrelid = ANY (@scope)}}
    UNION ALL
    SELECT 'pg_proc', oid, 0, proacl, acldefault('f'::"char", proowner)
    FROM pg_proc WHERE proacl IS NOT NULL AND oid >= 16384 {{scoped: AND false}}
    UNION ALL
    SELECT 'pg_type', oid, 0, typacl, acldefault('T'::"char", typowner)
    FROM pg_type WHERE typacl IS NOT NULL AND oid >= 16384 {{scoped: AND false}}
), actual AS (
    SELECT a.catalog, a.oid, a.position, e.grantee, e.privilege_type, e.is_grantable
    FROM acls a, aclexplode(a.acl) e
), defaults AS (
    SELECT a.catalog, a.oid, a.position, e.grantee, e.privilege_type, e.is_grantable
    FROM acls a, aclexplode(a.defaults) e
), granted AS (
    SELECT * FROM actual EXCEPT SELECT * FROM defaults
), revoked AS (
    SELECT * FROM defaults EXCEPT SELECT * FROM actual
)
SELECT catalog, oid, position,
       CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee) END AS grantee,
       privilege_type AS privilege, is_grantable AS grantable, false AS revoked
FROM granted
UNION ALL
SELECT catalog, oid, position,
       CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee) END,
       privilege_type, is_grantable, true
FROM revoked
