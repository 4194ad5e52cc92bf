-- Built without locking writes. PostgreSQL cannot do this inside a transaction, so it stays
-- alone in its file: golang-migrate then sends it alone, outside a transaction.
CREATE INDEX CONCURRENTLY orders_open_status_idx ON orders (status, placed_at)
    WHERE status IN ('pending', 'paid');
