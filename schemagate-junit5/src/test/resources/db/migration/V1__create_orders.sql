CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer     text    NOT NULL,
    amount_cents integer NOT NULL
);
