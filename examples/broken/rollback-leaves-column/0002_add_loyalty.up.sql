ALTER TABLE customers ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0;
CREATE INDEX customers_loyalty_idx ON customers (loyalty_points);
