-- The links between user objects that pg_depend records as normal dependencies (what an object's
-- definition names): a view over a function or a view, a column default or generated column calling a
-- function, a trigger, policy, check or index calling one, a column, routine or type using a type.
-- Each end is named as the snapshot models it: the top-level object (kind, schema, name; a routine
-- with its identity arguments) and the part of it, if any (column, constraint, index, trigger,
-- policy, domain constraint, attribute). Links within one object, and ends that belong to an
-- extension or are routines part of another object (a range's constructors), are left out.
-- A scoped read starts from the scope's relations and their parts (indexes, rules, defaults,
-- constraints, triggers, policies, row types), whose links the indexes of pg_depend find either way,
-- so its cost follows the scope rather than the schema; the filter at the end keeps it exact. Each
-- end looks its links up through an index of its own (a lateral subquery the planner may not merge):
-- on a database just copied, the statistics of pg_depend may say no row of a user's object exists,
-- and a planner believing that joined every link with every end (seconds on a thousand tables).
WITH {{scoped: scope_ends AS (
    SELECT 'pg_class'::regclass AS classid, s.oid AS objid FROM unnest(@scope) s(oid)
    UNION ALL SELECT 'pg_class'::regclass, indexrelid FROM pg_index WHERE indrelid = ANY (@scope)
    UNION ALL SELECT 'pg_rewrite'::regclass, oid FROM pg_rewrite WHERE ev_class = ANY (@scope)
    UNION ALL SELECT 'pg_attrdef'::regclass, oid FROM pg_attrdef WHERE adrelid = ANY (@scope)
    UNION ALL SELECT 'pg_constraint'::regclass, oid FROM pg_constraint WHERE conrelid = ANY (@scope)
    UNION ALL SELECT 'pg_trigger'::regclass, oid FROM pg_trigger WHERE tgrelid = ANY (@scope)
    UNION ALL SELECT 'pg_policy'::regclass, oid FROM pg_policy WHERE polrelid = ANY (@scope)
    UNION ALL SELECT 'pg_type'::regclass, reltype FROM pg_class WHERE oid = ANY (@scope) AND reltype <> 0
    UNION ALL SELECT 'pg_type'::regclass, t.typarray FROM pg_class c JOIN pg_type t ON t.oid = c.reltype
              WHERE c.oid = ANY (@scope) AND t.typarray <> 0
),}}
links AS (
    SELECT DISTINCT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid
    FROM {{scoped: scope_ends s CROSS JOIN LATERAL (SELECT * FROM}} pg_depend d
    WHERE d.deptype = 'n'
      AND d.objid >= 16384
      AND d.refobjid >= 16384
    {{scoped: AND d.classid = s.classid AND d.objid = s.objid OFFSET 0) d
    UNION
    SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid
    FROM scope_ends s CROSS JOIN LATERAL (SELECT * FROM pg_depend d
                                          WHERE d.deptype = 'n'
                                            AND d.objid >= 16384
                                            AND d.refobjid >= 16384
                                            AND d.refclassid = s.classid AND d.refobjid = s.objid OFFSET 0) d}}
),
ends AS (
    SELECT classid, objid, objsubid FROM links
    UNION
    SELECT refclassid, refobjid, refobjsubid FROM links
),
-- each end as the relation, type, routine or collation it belongs to, and its part
parts AS (
    SELECT e.classid, e.objid, e.objsubid,
           CASE WHEN c.relkind IN ('i', 'I') THEN i.indrelid ELSE c.oid END AS rel,
           NULL::oid AS typ, NULL::oid AS proc, NULL::oid AS coll,
           CASE WHEN c.relkind IN ('i', 'I') THEN CASE WHEN k.oid IS NULL THEN 'index' ELSE 'constraint' END
                WHEN e.objsubid > 0 THEN 'column' END AS part_kind,
           CASE WHEN c.relkind IN ('i', 'I') THEN coalesce(k.conname, c.relname)
                WHEN e.objsubid > 0 THEN a.attname END AS part
    FROM ends e
    JOIN pg_class c ON e.classid = 'pg_class'::regclass AND c.oid = e.objid
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = e.objsubid AND e.objsubid > 0
    LEFT JOIN pg_index i ON i.indexrelid = c.oid
    LEFT JOIN pg_constraint k ON k.conindid = c.oid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, r.ev_class, NULL, NULL, NULL, NULL, NULL
    FROM ends e
    JOIN pg_rewrite r ON e.classid = 'pg_rewrite'::regclass AND r.oid = e.objid
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, ad.adrelid, NULL, NULL, NULL, 'column', a.attname
    FROM ends e
    JOIN pg_attrdef ad ON e.classid = 'pg_attrdef'::regclass AND ad.oid = e.objid
    JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, nullif(k.conrelid, 0), nullif(k.contypid, 0), NULL, NULL,
           CASE WHEN k.contypid <> 0 THEN 'domain constraint' ELSE 'constraint' END, k.conname
    FROM ends e
    JOIN pg_constraint k ON e.classid = 'pg_constraint'::regclass AND k.oid = e.objid
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, t.tgrelid, NULL, NULL, NULL, 'trigger', t.tgname
    FROM ends e
    JOIN pg_trigger t ON e.classid = 'pg_trigger'::regclass AND t.oid = e.objid AND NOT t.tgisinternal
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, p.polrelid, NULL, NULL, NULL, 'policy', p.polname
    FROM ends e
    JOIN pg_policy p ON e.classid = 'pg_policy'::regclass AND p.oid = e.objid
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, NULL, NULL, e.objid, NULL, NULL, NULL
    FROM ends e
    WHERE e.classid = 'pg_proc'::regclass
    UNION ALL
    -- an array stands for its element type, a multirange for its range, a row type for its relation
    SELECT e.classid, e.objid, e.objsubid, nullif(u.typrelid, 0), CASE WHEN u.typrelid = 0 THEN u.oid END,
           NULL, NULL, NULL, NULL
    FROM ends e
    JOIN pg_type t ON e.classid = 'pg_type'::regclass AND t.oid = e.objid
    LEFT JOIN pg_range mr ON {{pg14: mr.rngmultitypid = t.oid | false}}
    JOIN pg_type u ON u.oid = coalesce(mr.rngtypid, nullif(t.typelem, 0), t.oid)
    UNION ALL
    SELECT e.classid, e.objid, e.objsubid, NULL, NULL, NULL, e.objid, NULL, NULL
    FROM ends e
    WHERE e.classid = 'pg_collation'::regclass
),
named AS (
    SELECT p.classid, p.objid, p.objsubid,
           CASE WHEN p.rel IS NOT NULL THEN CASE
                    WHEN c.relkind IN ('r', 'p', 'f') THEN 'TABLE'
                    WHEN c.relkind IN ('v', 'm') THEN 'VIEW'
                    WHEN c.relkind = 'c' THEN 'COMPOSITE_TYPE'
                    WHEN c.relkind = 'S' THEN 'SEQUENCE' END
                WHEN p.typ IS NOT NULL THEN CASE t.typtype
                    WHEN 'e' THEN 'ENUM_TYPE' WHEN 'd' THEN 'DOMAIN' WHEN 'r' THEN 'RANGE_TYPE' END
                WHEN p.proc IS NOT NULL THEN 'ROUTINE'
                WHEN p.coll IS NOT NULL THEN 'COLLATION' END AS kind,
           n.nspname AS schema,
           coalesce(c.relname, t.typname, f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')',
                    co.collname) AS name,
           CASE WHEN p.part_kind = 'column' AND c.relkind = 'c' THEN 'attribute' ELSE p.part_kind END
               || ' ' || p.part AS member,
           CASE WHEN p.rel IS NOT NULL THEN 'pg_class'::regclass WHEN p.typ IS NOT NULL THEN 'pg_type'::regclass
                WHEN p.proc IS NOT NULL THEN 'pg_proc'::regclass ELSE 'pg_collation'::regclass END AS top_class,
           coalesce(p.rel, p.typ, p.proc, p.coll) AS top_oid
    FROM parts p
    LEFT JOIN pg_class c ON c.oid = p.rel
    LEFT JOIN pg_type t ON t.oid = p.typ
    LEFT JOIN pg_proc f ON f.oid = p.proc
    LEFT JOIN pg_collation co ON co.oid = p.coll
    JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace, f.pronamespace, co.collnamespace)
),
modeled AS (
    SELECT *
    FROM named m
    WHERE m.kind IS NOT NULL
      AND m.schema NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND NOT EXISTS (SELECT FROM pg_depend x
                      WHERE x.classid = m.top_class AND x.objid = m.top_oid
                        AND (x.deptype = 'e' OR x.deptype = 'i' AND x.classid = 'pg_proc'::regclass))
)
-- The ends named, then the links by the keys of their ends, in one list: the reader pairs them. (Joined
-- here, the named ends twice, the planner cannot tell how many they are and scanned all of them once per
-- link: seconds on a thousand tables.) A scoped read keeps the links with an end in its scope.
SELECT 'end' AS row_kind, m.classid || ' ' || m.objid || ' ' || m.objsubid AS end_key,
       m.top_class::oid || ' ' || m.top_oid AS top, m.kind, m.schema, m.name, m.member,
       true {{scoped: AND m.top_class = 'pg_class'::regclass AND m.top_oid = ANY (@scope)}} AS in_scope,
       NULL AS referenced_key
FROM modeled m
UNION ALL
SELECT 'link', l.classid || ' ' || l.objid || ' ' || l.objsubid, NULL, NULL, NULL, NULL, NULL, NULL,
       l.refclassid || ' ' || l.refobjid || ' ' || l.refobjsubid
FROM links l
