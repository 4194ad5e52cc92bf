INSERT INTO products (sku, name, price_cents) VALUES
    ('MUG-01', 'Coffee mug', 1200),
    ('TEE-01', 'T-shirt', 2500),
    ('CAP-01', 'Cap', 1800);
