DROP TRIGGER order_lines_total ON order_lines;
DROP FUNCTION refresh_order_total();
ALTER TABLE orders DROP COLUMN total_cents;
