-- schemagate:ignore lint.set-not-null orders is small enough to scan under the lock

SET lock_timeout = '5s';
-- A decimal total replaces reading amount_cents everywhere; existing rows are backfilled.
ALTER TABLE orders ADD COLUMN total numeric(10,2);
-- schemagate:ignore lint.backfill-in-ddl-transaction orders is small enough to backfill under the lock
UPDATE orders SET total = amount_cents / 100.0;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
