DELETE FROM products WHERE sku IN ('MUG-01', 'TEE-01', 'CAP-01');
