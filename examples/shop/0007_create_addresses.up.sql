CREATE TABLE addresses (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    line1        text   NOT NULL,
    city         text   NOT NULL,
    country      char(2) NOT NULL CHECK (country = upper(country))
);

SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN shipping_address_id bigint REFERENCES addresses (id);
