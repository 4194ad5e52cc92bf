-- PostgreSQL cannot drop an enum label: rebuild the type without it.
ALTER TYPE order_status RENAME TO order_status_old;
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
DROP INDEX orders_open_status_idx;
DROP VIEW customer_order_summary;
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE order_status_old;
CREATE INDEX orders_open_status_idx ON orders (status, placed_at) WHERE status IN ('pending', 'paid');
CREATE VIEW customer_order_summary AS
SELECT c.id                    AS customer_id,
       c.email,
       count(o.id)             AS orders,
       COALESCE(sum(o.total_cents), 0) AS lifetime_cents
  FROM customers c
  LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'
 GROUP BY c.id, c.email;
