CREATE TABLE customers (
    id         bigint PRIMARY KEY,
    full_name  text NOT NULL
);

INSERT INTO customers (id, full_name) VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper');
