-- Publications: what they publish, and the schemas whose tables they publish (PostgreSQL 15+).
SELECT p.oid,
       p.pubname AS name,
       p.puballtables AS all_tables,
       ARRAY(SELECT v.operation FROM (VALUES (1, 'insert', p.pubinsert), (2, 'update', p.pubupdate),
                                             (3, 'delete', p.pubdelete), (4, 'truncate', p.pubtruncate)) v(i, operation, published)
             WHERE v.published ORDER BY v.i)::text[] AS operations,
       p.pubviaroot AS via_root,
       {{pg15: ARRAY(SELECT n.nspname FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid
                     WHERE pn.pnpubid = p.oid ORDER BY 1)::text[] | NULL::text[]}} AS schemas,
       pg_get_userbyid(p.pubowner) AS owner
FROM pg_publication p
