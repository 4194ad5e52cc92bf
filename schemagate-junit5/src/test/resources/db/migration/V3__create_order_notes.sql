CREATE TABLE order_notes (
    order_id bigint NOT NULL REFERENCES orders (id),
    note     text   NOT NULL
);
CREATE INDEX order_notes_order_id_idx ON order_notes (order_id);
