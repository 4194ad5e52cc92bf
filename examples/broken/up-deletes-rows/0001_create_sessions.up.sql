CREATE TABLE sessions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token      text        NOT NULL,
    expires_at timestamptz NOT NULL
);
