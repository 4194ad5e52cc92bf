ALTER TABLE accounts ADD COLUMN full_name text;
UPDATE accounts SET full_name = trim(first_name || ' ' || last_name);
ALTER TABLE accounts ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE accounts DROP COLUMN first_name, DROP COLUMN last_name;
