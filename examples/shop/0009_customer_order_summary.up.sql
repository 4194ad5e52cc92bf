CREATE VIEW customer_order_summary AS
SELECT c.id                    AS customer_id,
       c.email,
       count(o.id)             AS orders,
       COALESCE(sum(o.total_cents), 0) AS lifetime_cents
  FROM customers c
  LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'
 GROUP BY c.id, c.email;
