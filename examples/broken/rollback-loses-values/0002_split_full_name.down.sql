-- Brings the column back, but not its values: every name is lost on rollback.
ALTER TABLE customers ADD COLUMN full_name text;
ALTER TABLE customers DROP COLUMN first_name, DROP COLUMN last_name;
