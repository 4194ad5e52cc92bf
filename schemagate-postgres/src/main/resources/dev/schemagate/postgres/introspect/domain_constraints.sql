-- Named constraints of domains (CHECK, and NOT NULL from PostgreSQL 17 on).
SELECT co.oid,
       co.contypid AS domain,
       co.conname AS name,
       pg_get_constraintdef(co.oid) AS definition,
       co.convalidated AS validated
FROM pg_constraint co
WHERE co.contypid <> 0
  AND co.oid >= 16384
