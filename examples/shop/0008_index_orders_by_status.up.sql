-- Built without locking writes: PostgreSQL cannot do this inside a transaction,
-- so this migration runs statement by statement.
CREATE INDEX CONCURRENTLY orders_open_status_idx ON orders (status, placed_at)
    WHERE status IN ('pending', 'paid');
