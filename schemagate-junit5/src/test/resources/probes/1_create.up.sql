CREATE TABLE parent (id bigint PRIMARY KEY, name text NOT NULL CHECK (name <> ''));
CREATE TABLE child (
    id        bigint PRIMARY KEY,
    parent_id bigint NOT NULL CONSTRAINT child_parent_fk REFERENCES parent (id) ON DELETE CASCADE
);
