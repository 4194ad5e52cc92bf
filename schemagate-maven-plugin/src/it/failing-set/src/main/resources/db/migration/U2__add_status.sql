ALTER TABLE accounts DROP COLUMN created_at, DROP COLUMN status;
