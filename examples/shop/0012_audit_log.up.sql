CREATE SCHEMA audit;

CREATE TABLE audit.events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name  text        NOT NULL,
    row_id      bigint      NOT NULL,
    action      text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    payload     jsonb       NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE audit.events IS 'Every change to orders, for support and accounting.';

CREATE FUNCTION audit.record_order_change() RETURNS trigger
LANGUAGE plpgsql AS $body$
BEGIN
    INSERT INTO audit.events (table_name, row_id, action, payload)
    VALUES (TG_TABLE_NAME, COALESCE(NEW.id, OLD.id), TG_OP, to_jsonb(COALESCE(NEW, OLD)));
    RETURN NULL;
END;
$body$;

-- The trigger locks orders against writes while it is created.
SET lock_timeout = '5s';
CREATE TRIGGER orders_audit
AFTER INSERT OR UPDATE OR DELETE ON orders
FOR EACH ROW EXECUTE FUNCTION audit.record_order_change();
