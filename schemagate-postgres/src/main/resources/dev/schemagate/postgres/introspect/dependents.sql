-- The relations whose definition names one of the given relations or sequences (the parameter, an
-- array of oids) or a relation's row type: a view reading it, a default, check, foreign key, index,
-- trigger or policy naming it; and the relation a given index or sequence belongs to. Every join goes
-- through an index (a row type's array is its typarray), so the cost follows the oids given. A row of -1
-- says that a routine, a type or a composite type names one of them: what those read is not read
-- again relation by relation.
WITH given AS (
    SELECT unnest(CAST(? AS oid[])) AS oid
),
targets AS (
    SELECT 'pg_class'::regclass AS classid, g.oid FROM given g
    UNION ALL
    SELECT 'pg_type'::regclass, x.oid
    FROM given g
    JOIN pg_class c ON c.oid = g.oid AND c.reltype <> 0
    JOIN pg_type t ON t.oid = c.reltype
    CROSS JOIN LATERAL (VALUES (c.reltype), (t.typarray)) x(oid)
    WHERE x.oid <> 0
)
SELECT DISTINCT coalesce(ad.adrelid, co.conrelid, tg.tgrelid, po.polrelid, rw.ev_class, ix.indrelid,
                         CASE WHEN d.classid = 'pg_class'::regclass THEN d.objid END)::bigint AS relation
FROM targets x
JOIN pg_depend d ON d.refclassid = x.classid AND d.refobjid = x.oid AND d.deptype IN ('n', 'a', 'i')
LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
LEFT JOIN pg_constraint co ON d.classid = 'pg_constraint'::regclass AND co.oid = d.objid AND co.conrelid <> 0
LEFT JOIN pg_trigger tg ON d.classid = 'pg_trigger'::regclass AND tg.oid = d.objid
LEFT JOIN pg_policy po ON d.classid = 'pg_policy'::regclass AND po.oid = d.objid
LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid
LEFT JOIN pg_index ix ON d.classid = 'pg_class'::regclass AND ix.indexrelid = d.objid
UNION
SELECT d.refobjid::bigint
FROM given g
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = g.oid AND d.refclassid = 'pg_class'::regclass
                AND d.deptype IN ('a', 'i')
UNION
SELECT -1
FROM targets x
JOIN pg_depend d ON d.refclassid = x.classid AND d.refobjid = x.oid AND d.deptype = 'n'
LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
WHERE d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass) OR c.relkind IN ('c', 'f')
