-- The comma after "sku text" is missing.
CREATE TABLE products (
    id     bigint PRIMARY KEY,
    sku    text
    name   text NOT NULL
);
