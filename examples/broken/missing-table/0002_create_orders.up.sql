CREATE TABLE orders (
    id           bigint PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customer (id),
    placed_at    timestamptz NOT NULL DEFAULT now()
);
