DROP TRIGGER orders_audit ON orders;
DROP SCHEMA audit CASCADE;
