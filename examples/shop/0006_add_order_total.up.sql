-- Keep a running total on each order, maintained by a trigger on its lines.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_cents bigint NOT NULL DEFAULT 0;

CREATE FUNCTION refresh_order_total() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    target bigint := COALESCE(NEW.order_id, OLD.order_id);
BEGIN
    UPDATE orders
       SET total_cents = (SELECT COALESCE(sum(quantity * price_cents), 0)
                            FROM order_lines WHERE order_id = target)
     WHERE id = target;
    RETURN NULL;
END;
$$;

CREATE TRIGGER order_lines_total
AFTER INSERT OR UPDATE OR DELETE ON order_lines
FOR EACH ROW EXECUTE FUNCTION refresh_order_total();
